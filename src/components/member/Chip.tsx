import { Text, View } from '@tarojs/components'
import './styles'

/** A tappable choice (a need, a filter, a role); it reads as a checkbox to assistive tech. */
export function Chip(props: { label: string; selected: boolean; onToggle: () => void; disabled?: boolean }) {
  const cls = ['m-chip', props.selected ? 'm-chip--on' : '', props.disabled ? 'm-chip--disabled' : '']
  return (
    <View
      className={cls.join(' ')}
      role='checkbox'
      aria-checked={props.selected}
      aria-disabled={props.disabled}
      onClick={() => {
        if (!props.disabled) props.onToggle()
      }}
    >
      <Text>{props.label}</Text>
    </View>
  )
}

/** A tag that can be taken off (the × is its own button so a stray tap on the label does nothing). */
export function RemovableChip(props: { label: string; onRemove: () => void; disabled?: boolean }) {
  return (
    <View className={`m-chip m-chip--on${props.disabled ? ' m-chip--disabled' : ''}`}>
      <Text>{props.label}</Text>
      <View
        className='m-chip__remove'
        role='button'
        aria-label={`移除 ${props.label}`}
        onClick={() => {
          if (!props.disabled) props.onRemove()
        }}
      >
        <Text>×</Text>
      </View>
    </View>
  )
}
