import { Text, View } from '@tarojs/components'
import { Card } from '../ui'
import './styles'

export interface LinkItem {
  label: string
  hint?: string
  onOpen: () => void
}

/** A card of entries, each a whole tappable row. */
export function LinkList(props: { title: string; links: LinkItem[] }) {
  return (
    <Card title={props.title}>
      {props.links.map((l) => (
        <View key={l.label} className='m-link' role='link' onClick={l.onOpen}>
          <View>
            <Text>{l.label}</Text>
            {l.hint ? (
              <View>
                <Text className='caption'>{l.hint}</Text>
              </View>
            ) : null}
          </View>
          <Text className='muted'>›</Text>
        </View>
      ))}
    </Card>
  )
}
