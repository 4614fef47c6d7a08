// Just enough protobuf for the open API wire format (CommApiData in, CommOpenApiResp out):
// varints and length-delimited fields. Unknown fields are kept raw; 32/64-bit fields skipped.

export type FieldValue = number | Buffer

/** field number → values in order (repeated fields keep every occurrence) */
export type Fields = Map<number, FieldValue[]>

function readVarint(buf: Buffer, pos: number): [number, number] {
  let result = 0n
  let shift = 0n
  for (;;) {
    if (pos >= buf.length) throw new Error('protobuf: truncated varint')
    const byte = buf[pos++]
    result |= BigInt(byte & 0x7f) << shift
    // a negative int32/int64 arrives as a 10-byte two's complement varint
    if ((byte & 0x80) === 0) return [Number(BigInt.asIntN(64, result)), pos]
    shift += 7n
    if (shift > 63n) throw new Error('protobuf: varint too long')
  }
}

export function decode(buf: Buffer): Fields {
  const fields: Fields = new Map()
  let pos = 0
  while (pos < buf.length) {
    const [tag, afterTag] = readVarint(buf, pos)
    pos = afterTag
    const field = Math.floor(tag / 8)
    const wire = tag & 7
    let value: FieldValue
    if (wire === 0) {
      ;[value, pos] = readVarint(buf, pos)
    } else if (wire === 2) {
      const [len, start] = readVarint(buf, pos)
      if (start + len > buf.length) throw new Error('protobuf: truncated field')
      value = buf.subarray(start, start + len)
      pos = start + len
    } else if (wire === 1) {
      pos += 8
      continue
    } else if (wire === 5) {
      pos += 4
      continue
    } else {
      throw new Error(`protobuf: unsupported wire type ${wire}`)
    }
    const list = fields.get(field) ?? []
    list.push(value)
    fields.set(field, list)
  }
  return fields
}

function varint(n: number): Buffer {
  // negative int32 values go out as 10-byte two's complement, as protobufjs writes them
  let v = n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n)
  const out: number[] = []
  do {
    let byte = Number(v & 0x7fn)
    v >>= 7n
    if (v > 0n) byte |= 0x80
    out.push(byte)
  } while (v > 0n)
  return Buffer.from(out)
}

/** Encode fields in the order given; numbers as varints, strings/Buffers length-delimited. */
export function encode(fields: Array<[number, number | string | Buffer | undefined]>): Buffer {
  const parts: Buffer[] = []
  for (const [field, value] of fields) {
    if (value === undefined) continue
    if (typeof value === 'number') {
      parts.push(varint(field * 8), varint(value))
    } else {
      const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value
      parts.push(varint(field * 8 + 2), varint(bytes.length), bytes)
    }
  }
  return Buffer.concat(parts)
}

export function firstBytes(fields: Fields, field: number): Buffer | undefined {
  const v = fields.get(field)?.[0]
  return Buffer.isBuffer(v) ? v : undefined
}

export function firstNumber(fields: Fields, field: number): number | undefined {
  const v = fields.get(field)?.[0]
  return typeof v === 'number' ? v : undefined
}
