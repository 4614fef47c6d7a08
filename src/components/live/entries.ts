// Where the live and trace pages live (the `packages/live` subpackage): the main package only links there.
export const LIVE_LIST = '/packages/live/pages/list/index'
export const TRACE_LOOKUP = '/packages/live/pages/trace/index'
export const liveDetail = (id: string) => `/packages/live/pages/detail/index?id=${encodeURIComponent(id)}`
