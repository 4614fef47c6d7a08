import { paragraph } from './common'

/**
 * A member's question for a live (`live.ask`). Apart from the other live schemas so the question
 * box can count against it without loading every live schema (and the zod they need) into the app.
 */
export const liveQuestionText = paragraph().min(5, '问题至少 5 个字').max(200, '问题最多 200 个字')
