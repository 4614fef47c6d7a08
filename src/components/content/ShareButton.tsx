import { Button as TaroButton, Text } from '@tarojs/components'
import { copyShareLink, type ShareContent } from '../../services/share'
import './styles'

/**
 * "分享": in WeChat the share sheet (the page's share handler reads `data-share`); on H5, which has
 * no share sheet, the link is copied for her to paste.
 */
export function ShareButton(props: { shareKey: string; content: ShareContent }) {
  const h5 = process.env.TARO_ENV === 'h5'
  return (
    <TaroButton
      className='c-share'
      openType={h5 ? undefined : 'share'}
      data-share={props.shareKey}
      onClick={() => {
        if (h5) void copyShareLink(props.content)
      }}
    >
      <Text>↗ 分享</Text>
    </TaroButton>
  )
}
