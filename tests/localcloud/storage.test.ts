// Parity: cloud storage through the real wx-server-sdk (uploadFile, getTempFileURL,
// downloadFile, deleteFile) against localcloud's disk-backed storage.
import fs from 'node:fs'
import path from 'node:path'
import { storageService } from '../../localcloud/storage'
import { type Harness, loadSdk, postJson, startHarness } from './fixtures/harness'

jest.setTimeout(20000)

let running: Harness
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let cloud: any
const BUCKET_PREFIX = 'cloud://local-env.6c6f-local-env-1250000000/'

beforeAll(async () => {
  running = await startHarness([(ctx) => storageService(ctx)])
  cloud = loadSdk(running.baseUrl)
})

afterAll(async () => {
  await running?.stop()
})

test('uploadFile stores bytes on disk and answers a cloud:// file ID', async () => {
  const res = await cloud.uploadFile({ cloudPath: 'evidence/customs-1.txt', fileContent: Buffer.from('报关单 #1') })
  expect(res).toMatchObject({ fileID: `${BUCKET_PREFIX}evidence/customs-1.txt`, statusCode: -1, errMsg: 'uploadFile:ok' })
  const onDisk = path.join(running.dataDir, 'storage', '6c6f-local-env-1250000000', 'evidence', 'customs-1.txt')
  expect(fs.readFileSync(onDisk, 'utf8')).toBe('报关单 #1')
})

test('uploadFile accepts a read stream and non-ASCII paths', async () => {
  const src = path.join(running.dataDir, 'src.bin')
  fs.writeFileSync(src, Buffer.from([0, 1, 2, 255]))
  const res = await cloud.uploadFile({ cloudPath: '质检/报告 1.bin', fileContent: fs.createReadStream(src) })
  expect(res.fileID).toBe(`${BUCKET_PREFIX}质检/报告 1.bin`)
  const down = await cloud.downloadFile({ fileID: res.fileID })
  expect(down.statusCode).toBe(200)
  expect([...down.fileContent]).toEqual([0, 1, 2, 255])
})

test('getTempFileURL answers a URL that serves the bytes; unknown files get STORAGE_FILE_NONEXIST', async () => {
  const { fileID } = await cloud.uploadFile({ cloudPath: 'img/a.png', fileContent: Buffer.from('png-bytes') })
  const missing = `${BUCKET_PREFIX}img/missing.png`
  const res = await cloud.getTempFileURL({ fileList: [fileID, { fileID: missing, maxAge: 60 }] })
  expect(res.errMsg).toBe('getTempFileURL:ok')
  const [ok, gone] = res.fileList
  expect(ok).toMatchObject({ fileID, status: 0, errMsg: 'ok' })
  expect(ok.tempFileURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_localcloud\/storage\//)
  expect(gone).toEqual({ fileID: missing, status: -503003, errMsg: 'storage file not exists', maxAge: undefined, tempFileURL: '' })
  const http = await fetch(ok.tempFileURL)
  expect(http.status).toBe(200)
  expect(http.headers.get('content-type')).toBe('image/png')
  expect(await http.text()).toBe('png-bytes')
  // a tampered signature is refused
  // (flip the first hex digit: replacing it with a fixed one would leave 1 URL in 16 unchanged)
  const tampered = ok.tempFileURL.replace(/sign=(.)/, (_m: string, c: string) => `sign=${c === '0' ? '1' : '0'}`)
  expect(tampered).not.toBe(ok.tempFileURL)
  expect((await fetch(tampered)).status).toBe(403)
})

test('temp URLs expire on the localcloud clock', async () => {
  const { fileID } = await cloud.uploadFile({ cloudPath: 'img/b.png', fileContent: Buffer.from('b') })
  const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] })
  expect(fileList[0].maxAge).toBe(60)
  expect((await fetch(fileList[0].tempFileURL)).status).toBe(200)
  await postJson(`${running.baseUrl}/_localcloud/clock`, { advanceMs: 61_000 })
  expect((await fetch(fileList[0].tempFileURL)).status).toBe(403)
  await postJson(`${running.baseUrl}/_localcloud/clock`, { advanceMs: -61_000 })
})

test('downloadFile of a missing file throws the SDK error', async () => {
  await expect(cloud.downloadFile({ fileID: `${BUCKET_PREFIX}nope.txt` })).rejects.toMatchObject({
    errCode: -1,
    code: 'STORAGE_FILE_NONEXIST',
    errMsg: 'downloadFile:fail storage file not exists',
  })
})

test('deleteFile removes files and reports missing ones per item', async () => {
  const { fileID } = await cloud.uploadFile({ cloudPath: 'tmp/del.txt', fileContent: Buffer.from('x') })
  const missing = `${BUCKET_PREFIX}tmp/never.txt`
  const res = await cloud.deleteFile({ fileList: [fileID, missing] })
  expect(res.errMsg).toBe('deleteFile:ok')
  expect(res.fileList).toEqual([
    { fileID, status: 0, errMsg: 'ok' },
    { fileID: missing, status: -503003, errMsg: 'storage file not exists' },
  ])
  const after = await cloud.getTempFileURL({ fileList: [fileID] })
  expect(after.fileList[0].status).toBe(-503003)
})

test('a PUT without the handed-out authorization is refused', async () => {
  const res = await fetch(`${running.baseUrl}/_localcloud/storage/6c6f-local-env-1250000000/evil.txt`, { method: 'PUT', body: 'x' })
  expect(res.status).toBe(403)
  expect(await res.text()).toContain('<Code>SignatureDoesNotMatch</Code>')
})
