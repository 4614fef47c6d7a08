import { Text, View } from '@tarojs/components'
import { Card, Tag } from '../../../components/ui'
import '../../../components/member/styles'

/** What the follow-up console will hold, step by step, so she knows what her day here will be. */
const STEPS = [
  { icon: '📅', title: '今日待回访', text: '妈妈收货三天后，回访任务自动出现在这里，按到期先后排列' },
  { icon: '🙋', title: '认领任务', text: '点「认领」后由你负责，其他客服不会重复拨打' },
  { icon: '📞', title: '记录回访', text: '是否接通、推荐意愿（0–10 分）、满意度、遇到的问题和备注' },
  { icon: '🔁', title: '问题跟进', text: '妈妈反馈的问题当天跟进，必要时转给团长' },
] as const

export function ComingQueue() {
  return (
    <Card title='售后回访'>
      <View>
        <Tag tone='warn'>即将上线</Tag>
      </View>
      <Text className='muted'>回访队列上线后，你每天的工作都从这里开始：</Text>
      <View className='stack' data-testid='service-steps'>
        {STEPS.map((s) => (
          <View key={s.title} className='m-promise'>
            <Text className='title'>{`${s.icon} ${s.title}`}</Text>
            <View>
              <Text className='muted'>{s.text}</Text>
            </View>
          </View>
        ))}
      </View>
    </Card>
  )
}
