import { Text, View } from '@tarojs/components'
import { ROLE_LABELS } from '../../../domain/labels'
import type { MemberSummary } from '../../../domain/member'
import { ROLES, type Role } from '../../../domain/roles'
import { Card } from '../ui'
import { Chip } from './Chip'
import './styles'

/** A person and her staff roles as toggles; her own admin role is locked (no self lock-out). */
export function RoleRow(props: { member: MemberSummary; self: boolean; busy: boolean; onToggle: (role: Role) => void }) {
  const m = props.member
  return (
    <Card>
      <View data-testid={`roles-${m.openid}`}>
        <View className='row-between'>
          <Text className='title'>{m.nickname || '未填写昵称'}</Text>
          <Text className='muted'>{m.phoneMasked || '未留手机'}</Text>
        </View>
        <View className='row wrap'>
          {ROLES.map((r) => (
            <Chip
              key={r}
              label={ROLE_LABELS[r]}
              selected={m.roles.includes(r)}
              disabled={props.busy || (props.self && r === 'admin')}
              onToggle={() => props.onToggle(r)}
            />
          ))}
        </View>
        {props.self ? <Text className='caption'>这是你自己：管理员权限需由其他管理员收回</Text> : null}
      </View>
    </Card>
  )
}
