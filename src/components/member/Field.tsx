import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './member.css'

/** A labelled form field with its hint and, after a failed submit, what to fix. */
export function Field(props: { label: string; hint?: string; error?: string; children: ReactNode; testId?: string }) {
  return (
    <View className='m-field' data-testid={props.testId}>
      <Text className='m-field__label'>{props.label}</Text>
      {props.children}
      {props.hint ? <Text className='m-field__hint'>{props.hint}</Text> : null}
      {props.error ? (
        <Text className='m-field__error' data-testid={props.testId ? `${props.testId}-error` : undefined}>
          {props.error}
        </Text>
      ) : null}
    </View>
  )
}
