// @tarojs/components rendered as plain DOM for React component tests (the real package needs the
// Taro runtime). Only the props our pages use are mapped.
import type { ReactNode } from 'react'

type Props = { children?: ReactNode; className?: string; onClick?: () => void; [k: string]: unknown }

function passthrough(props: Props) {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(props)) {
    if (k === 'children' || k === 'onClick' || k === 'className') continue
    if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role' || k === 'style') out[k] = v
  }
  return out
}

export const View = (p: Props) => <div className={p.className} onClick={p.onClick} {...passthrough(p)}>{p.children}</div>
export const Text = (p: Props) => <span className={p.className} onClick={p.onClick} {...passthrough(p)}>{p.children}</span>
export const Button = (p: Props & { disabled?: boolean }) => (
  <button className={p.className} onClick={p.onClick} disabled={p.disabled} {...passthrough(p)}>{p.children}</button>
)
export const Input = (p: Props & { value?: string; placeholder?: string; type?: string; onInput?: (e: { detail: { value: string } }) => void }) => (
  <input className={p.className} value={p.value ?? ''} placeholder={p.placeholder} onChange={(e) => p.onInput?.({ detail: { value: e.target.value } })} {...passthrough(p)} />
)
export const Textarea = (p: Props & { value?: string; placeholder?: string; onInput?: (e: { detail: { value: string } }) => void }) => (
  <textarea className={p.className} value={p.value ?? ''} placeholder={p.placeholder} onChange={(e) => p.onInput?.({ detail: { value: e.target.value } })} {...passthrough(p)} />
)
export const Checkbox = (p: Props & { checked?: boolean; value?: string }) => <input type='checkbox' readOnly checked={p.checked} value={p.value} onClick={p.onClick} {...passthrough(p)} />
export const Picker = (p: Props & { value?: number | string; onChange?: (e: { detail: { value: string } }) => void }) => (
  <div className={p.className} {...passthrough(p)}>{p.children}</div>
)
export const Image = (p: Props & { src?: string }) => <img className={p.className} src={p.src} alt='' {...passthrough(p)} />
export const ScrollView = View
export const Navigator = View
