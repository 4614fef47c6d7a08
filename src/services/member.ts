import { call } from './cloud'

export const fetchMe = () => call('member', 'me', {})
