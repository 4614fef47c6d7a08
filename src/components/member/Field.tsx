import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './styles'

/** Length as the input's maxlength and the schemas count it, so the counter and the limit agree. */
export const lengthOf = (text: string) => text.length

/**
 * A labelled form field with its hint and, after a failed submit, what to fix. `count` shows how
 * much of a length limit is used, so the input stopping at the limit never surprises her.
 */
export function Field(props: { label: string; hint?: string; error?: string; children: ReactNode; testId?: string; count?: { value: string; max: number } }) {
  const used = props.count ? lengthOf(props.count.value) : 0
  const full = props.count ? used >= props.count.max : false
  return (
    <View className='m-field' data-testid={props.testId}>
      <Text className='m-field__label'>{props.label}</Text>
      {props.children}
      {props.count ? (
        <Text className={`ui-count${full ? ' ui-count--full' : ''}`} data-testid={props.testId ? `${props.testId}-count` : undefined}>
          {full ? `已到 ${props.count.max} 字上限` : `${used}/${props.count.max}`}
        </Text>
      ) : null}
      {props.hint ? <Text className='m-field__hint'>{props.hint}</Text> : null}
      {props.error ? (
        <Text className='m-field__error' data-testid={props.testId ? `${props.testId}-error` : undefined}>
          {props.error}
        </Text>
      ) : null}
    </View>
  )
}
