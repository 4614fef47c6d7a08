// The community's daily value, one function per action, so pages never spell action names or inputs.
// Creates carry one requestId per submit (see request-id.ts).
import type { CreateContestInput, EditPostInput, PostDiaryInput, PublishPostInput } from '../../domain/schemas/content'
import { call } from './cloud'
import { submitOnce } from './request-id'

export const fetchFeed = (page: number, pageSize = 10) => call('content', 'feed', { page, pageSize })

export const publishPost = (input: PublishPostInput) => submitOnce((requestId) => call('content', 'publishPost', { ...input, requestId }))

export const askQuestion = (question: string) => submitOnce((requestId) => call('content', 'ask', { question, requestId }))

export const answerQuestion = (id: string, answer: string) => call('content', 'answer', { id, answer })

export const fetchQuestions = (mine: boolean) => (page: number, pageSize = 20) =>
  call('content', 'questions', mine ? { page, pageSize, mine: true } : { page, pageSize })

export const fetchUnanswered = (page: number, pageSize = 20) => call('content', 'unanswered', { page, pageSize })

export const postDiary = (input: PostDiaryInput) => submitOnce((requestId) => call('content', 'postDiary', { ...input, requestId }))

export const likeDiary = (id: string) => call('content', 'like', { id })

/** All diaries, or one contest's entries. */
export const fetchDiaries = (contestId?: string) => (page: number, pageSize = 20) =>
  call('content', 'diaries', contestId ? { page, pageSize, contestId } : { page, pageSize })

export const createContest = (input: CreateContestInput) => submitOnce((requestId) => call('content', 'createContest', { ...input, requestId }))

export const fetchContests = () => call('content', 'contests', {})

export const fetchRanking = (contestId: string) => call('content', 'ranking', { contestId })

/** One post by id: a shared link opens even when the post is far down the feed. */
export const fetchPost = (id: string) => call('content', 'post', { id })

export const editPost = (input: EditPostInput) => call('content', 'editPost', input)

export const removePost = (id: string) => call('content', 'removePost', { id })

export const editQuestion = (id: string, question: string) => call('content', 'editQuestion', { id, question })

export const deleteQuestion = (id: string) => call('content', 'deleteQuestion', { id })

export const editDiary = (id: string, text: string) => call('content', 'editDiary', { id, text })

export const deleteDiary = (id: string) => call('content', 'deleteDiary', { id })

export const closeContest = (contestId: string) => call('content', 'closeContest', { contestId })
