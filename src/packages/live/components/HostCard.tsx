import { Text, View } from '@tarojs/components'
import type { LiveHost } from '../../../../domain/live'
import { CloudImage } from '../../../components/content/CloudImage'
import { Card } from '../../../components/ui'
import './styles'

/** Who hosts the live: her photo, name and one line about her. */
export function HostCard(props: { host: LiveHost }) {
  const { host } = props
  return (
    <Card title='主播'>
      <View className='l-host' data-testid='live-host'>
        {host.photoFileID ? <CloudImage className='l-host__photo' fileID={host.photoFileID} alt={host.name} /> : <View className='l-host__photo' />}
        <View className='l-host__text'>
          <Text className='l-host__name'>{host.name}</Text>
          {host.intro ? <Text className='muted'>{host.intro}</Text> : null}
        </View>
      </View>
    </Card>
  )
}
