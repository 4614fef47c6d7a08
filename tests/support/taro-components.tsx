// @tarojs/components rendered as plain DOM for React component tests (the real package needs the
// Taro runtime). Only the props our pages use are mapped.
import type { ReactNode } from 'react'

type Props = { children?: ReactNode; className?: string; onClick?: () => void; [k: string]: unknown }
type InputEvent = { detail: { value: string } }

function passthrough(props: Props) {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(props)) {
    if (k === 'children' || k === 'onClick' || k === 'className') continue
    if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role' || k === 'style') out[k] = v
  }
  return out
}

/** What the weapp phone-number button hands over on its next tap (a code, or a refusal). */
let phoneNumberDetail: { code?: string; errMsg: string } = { code: 'phone-code-1', errMsg: 'getPhoneNumber:ok' }
export function setPhoneNumberDetail(detail: { code?: string; errMsg: string }): void {
  phoneNumberDetail = detail
}

export const View = (p: Props) => <div className={p.className} onClick={p.onClick} {...passthrough(p)}>{p.children}</div>
export const Text = (p: Props) => <span className={p.className} onClick={p.onClick} {...passthrough(p)}>{p.children}</span>
export const Button = (p: Props & { disabled?: boolean; openType?: string; onGetPhoneNumber?: (e: { detail: typeof phoneNumberDetail }) => void }) => (
  <button
    className={p.className}
    onClick={() => {
      p.onClick?.()
      if (p.openType === 'getPhoneNumber' && !p.disabled) p.onGetPhoneNumber?.({ detail: phoneNumberDetail })
    }}
    disabled={p.disabled}
    data-open-type={p.openType}
    {...passthrough(p)}
  >
    {p.children}
  </button>
)
export const Input = (p: Props & { value?: string; placeholder?: string; type?: string; maxlength?: number; onInput?: (e: InputEvent) => void; onConfirm?: (e: InputEvent) => void }) => (
  <input
    className={p.className}
    value={p.value ?? ''}
    placeholder={p.placeholder}
    onChange={(e) => p.onInput?.({ detail: { value: e.target.value } })}
    onKeyDown={(e) => {
      if (e.key === 'Enter') p.onConfirm?.({ detail: { value: (e.target as HTMLInputElement).value } })
    }}
    {...passthrough(p)}
  />
)
export const Textarea = (p: Props & { value?: string; placeholder?: string; maxlength?: number; onInput?: (e: InputEvent) => void }) => (
  <textarea className={p.className} value={p.value ?? ''} placeholder={p.placeholder} onChange={(e) => p.onInput?.({ detail: { value: e.target.value } })} {...passthrough(p)} />
)
export const Checkbox = (p: Props & { checked?: boolean; value?: string }) => <input type='checkbox' readOnly checked={p.checked} value={p.value} onClick={p.onClick} {...passthrough(p)} />
/**
 * A picker is its children plus a text field standing in for the native wheel: typing a value and
 * leaving the field fires onChange with it (`detail.value` as the native picker gives it). The
 * field carries the picker's data-testid with "-value" appended.
 */
export const Picker = (p: Props & { mode?: string; value?: number | string; onChange?: (e: InputEvent) => void }) => {
  const testId = typeof p['data-testid'] === 'string' ? `${p['data-testid']}-value` : undefined
  return (
    <div className={p.className} {...passthrough(p)}>
      {p.children}
      <input data-testid={testId} aria-label={`picker-${p.mode ?? 'selector'}`} defaultValue='' onBlur={(e) => p.onChange?.({ detail: { value: e.target.value } })} />
    </div>
  )
}
export const Image = (p: Props & { src?: string }) => <img className={p.className} src={p.src} alt='' {...passthrough(p)} />
export const ScrollView = View
export const Navigator = View
