import { Text, View } from '@tarojs/components'
import './styles'

/** A row of tabs; the selected one is underlined. */
export function Tabs<K extends string>(props: { tabs: readonly { key: K; label: string }[]; value: K; onChange: (key: K) => void }) {
  return (
    <View className='c-tabs' role='tablist'>
      {props.tabs.map((t) => (
        <View
          key={t.key}
          role='tab'
          aria-selected={t.key === props.value}
          className={`c-tab${t.key === props.value ? ' c-tab--on' : ''}`}
          onClick={() => props.onChange(t.key)}
        >
          <Text>{t.label}</Text>
        </View>
      ))}
    </View>
  )
}
