import { assertSafeText, CHECK_UNAVAILABLE, type ContentCheckCloud } from '../../server/content-check'

// A stand-in for the open API only (the platform's service, not our backend): answers by word.
function fakeCloud(verdict: (content: string) => unknown, seen: unknown[] = []): ContentCheckCloud {
  return {
    openapi: {
      security: {
        msgSecCheck: async (params: { content: string }) => {
          seen.push(params)
          return verdict(params.content)
        },
      },
    },
  }
}

const pass = () => ({ errCode: 0, result: { suggest: 'pass', label: 100 } })

test('passes when every text passes, checking each non-empty text with version 2, scene and openid', async () => {
  const seen: unknown[] = []
  await expect(assertSafeText(fakeCloud(pass, seen), 'o1', ['标题', undefined, '  ', '正文'], 3)).resolves.toBeUndefined()
  expect(seen).toEqual([
    { content: '标题', version: 2, scene: 3, openid: 'o1' },
    { content: '正文', version: 2, scene: 3, openid: 'o1' },
  ])
})

test('any risky or review verdict rejects the whole write', async () => {
  const cloud = fakeCloud((c) => ({ errCode: 0, result: { suggest: c.includes('坏') ? 'review' : 'pass' } }))
  await expect(assertSafeText(cloud, 'o1', ['好的', '坏的'], 2)).rejects.toMatchObject({ code: 'CONTENT_REJECTED', message: '内容未通过安全检查，请修改后再发' })
})

test('an open API failure or an answer without a verdict fails closed with a try-later message', async () => {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  const failing: ContentCheckCloud = { openapi: { security: { msgSecCheck: async () => Promise.reject(new Error('-604101 no permission')) } } }
  await expect(assertSafeText(failing, 'o1', ['文字'], 4)).rejects.toMatchObject({ code: 'CONTENT_REJECTED', message: CHECK_UNAVAILABLE })
  await expect(assertSafeText(fakeCloud(() => ({ errCode: 0 })), 'o1', ['文字'], 4)).rejects.toMatchObject({ code: 'CONTENT_REJECTED', message: CHECK_UNAVAILABLE })
  expect(spy).toHaveBeenCalledTimes(2)
  spy.mockRestore()
})
