// What a mother's forms show and their schemas enforce, defined once. Kept apart from the zod
// schemas so that a page can show a limit or a list without loading the validator (on weapp the
// validator lives in the forms' subpackage, never in the main package).

/** Needs a mother can tick on the application; "其它" comes with free text. */
export const NEEDS = ['过敏体质', '敏感肌', '辅食添加', '早产', '其它'] as const
export const OTHER_NEED = '其它'

/** Longest text each field takes, in characters. */
export const TEXT_MAX = {
  nickname: 20,
  city: 20,
  /** one need, "其它：" and her words included */
  need: 30,
  question: 500,
  diary: 200,
} as const

export const QUESTION_MIN = 5
