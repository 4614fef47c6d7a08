import { Text, View } from '@tarojs/components'
import { yuan } from '../../../../domain/live-display'
import type { LiveProductView } from '../../../../domain/live'
import { Card } from '../../../components/ui'
import './styles'

/** The products shown on air; a product linked to a chain (接龙) shows its price and what is left. */
export function ProductList(props: { products: LiveProductView[] }) {
  if (props.products.length === 0) return null
  return (
    <Card title='本场商品'>
      {props.products.map((p, i) => (
        <View key={`${i}-${p.name}`} className='l-product' data-testid='live-product'>
          <Text className='l-product__name'>{p.name}</Text>
          {p.priceFen !== null || p.remaining !== null ? (
            <View className='l-product__meta'>
              {p.priceFen !== null ? <Text className='l-price'>{yuan(p.priceFen)}</Text> : null}
              {p.remaining !== null ? <Text className='caption'>{p.remaining > 0 ? `接龙剩 ${p.remaining} 件` : '接龙已满'}</Text> : null}
            </View>
          ) : null}
        </View>
      ))}
    </Card>
  )
}
