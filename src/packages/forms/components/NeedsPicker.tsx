import { Input, View } from '@tarojs/components'
import { NEEDS, OTHER_NEED } from '../../../../domain/form-rules'
import { Chip } from '../../../components/member/Chip'
import { OTHER_TEXT_MAX } from './application'
import '../../../components/member/styles'

/** The needs she can tick, as chips; ticking 其它 opens a line for her own words. */
export function NeedsPicker(props: { value: string[]; other: string; onChange: (needs: string[]) => void; onOther: (text: string) => void }) {
  const toggle = (need: string) =>
    props.onChange(props.value.includes(need) ? props.value.filter((n) => n !== need) : [...props.value, need])
  return (
    <View>
      <View className='row wrap'>
        {NEEDS.map((need) => (
          <Chip key={need} label={need} selected={props.value.includes(need)} onToggle={() => toggle(need)} />
        ))}
      </View>
      {props.value.includes(OTHER_NEED) ? (
        <Input
          className='m-input'
          value={props.other}
          maxlength={OTHER_TEXT_MAX}
          placeholder='说说你关心的，例如：夜醒频繁'
          data-testid='apply-other-need'
          onInput={(e) => props.onOther(e.detail.value)}
        />
      ) : null}
    </View>
  )
}
