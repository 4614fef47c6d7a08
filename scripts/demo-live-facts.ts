// The demo's trace batch as its papers print it: the evidence images and PDF (scripts/guide/evidence.ts)
// and the batch stored by ensureDemoMedia read the same facts, so the papers match the lookup.
export const DEMO_BATCH = {
  batchNo: 'QQ2611A',
  product: '亲亲宝贝 婴儿配方奶粉 1段 800g',
  producedAt: '2026-09-18',
  expiresAt: '2028-09-17',
  customsNo: '292620261000458316',
  declaredAt: '2026-10-08',
  origin: '新西兰',
  cans: 12000,
  port: '杭州综合保税区',
  importer: '亲亲宝贝（杭州）母婴用品有限公司',
  lab: '亲亲宝贝合作第三方检测实验室',
  reportNo: 'QQL-2610-0871',
  reportedAt: '2026-10-15',
} as const

/** Codes printed on the demo cans; a newcomer can look these up. */
export const DEMO_CODES = ['QQ2611A-000001', 'QQ2611A-000002', 'QQ2611A-000003', 'QQ2611A-000004', 'QQ2611A-000005'] as const

/** A code copied onto fakes: six different people have looked it up, so every lookup warns. */
export const DEMO_COPIED_CODE = 'QQ2611A-000099'
