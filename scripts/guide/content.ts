// The lead gift's text: 0–3 岁科学喂养指南, as data. scripts/guide/build.ts renders it to the PDF the
// demo uploads. Figures follow the Chinese infant feeding guidelines (中国营养学会《中国婴幼儿喂养指南
// （2022）》) and WHO complementary-feeding advice; amounts are typical ranges, not prescriptions.

export interface MilkRow {
  age: string
  perFeed: string
  feedsPerDay: string
  note: string
}

export interface Stage {
  age: string
  texture: string
  foods: string
  meals: string
}

export interface GuideContent {
  title: string
  subtitle: string
  brand: string
  intro: string[]
  milk: { heading: string; lead: string; rows: MilkRow[]; tips: string[] }
  solids: { heading: string; when: string; readiness: string[]; firstFoods: string[]; rules: string[]; stages: Stage[] }
  allergy: { heading: string; lead: string; signs: { area: string; what: string }[]; mild: string[]; urgent: string[]; common: string }
  disclaimer: string
  sources: string
}

export const GUIDE: GuideContent = {
  title: '0–3 岁科学喂养指南',
  subtitle: '按月龄看奶量、辅食添加与过敏应对',
  brand: '亲亲宝贝妈妈圈',
  intro: [
    '每个宝宝胃口不同，本指南给出的是大多数宝宝的参考范围。体重、身长稳定增长，每天小便 6 次以上，精神好，就说明吃饱了。',
    '6 个月以内，母乳是最好的食物，按需喂养即可；下表的奶量主要供配方奶喂养参考。',
  ],
  milk: {
    heading: '一、不同月龄的奶量参考',
    lead: '每次奶量 × 每天次数只是大致范围，宝宝吃饱会主动松口、转头，不必强求喝完。',
    rows: [
      { age: '0–1 个月', perFeed: '60–90 ml', feedsPerDay: '8–12 次', note: '出生第一周从 30–60 ml 开始，逐日增加' },
      { age: '1–2 个月', perFeed: '90–120 ml', feedsPerDay: '6–8 次', note: '夜间仍需喂奶' },
      { age: '2–4 个月', perFeed: '120–150 ml', feedsPerDay: '5–6 次', note: '约 3–4 小时喂一次' },
      { age: '4–6 个月', perFeed: '150–210 ml', feedsPerDay: '5 次左右', note: '全天约 800–1000 ml' },
      { age: '6–9 个月', perFeed: '180–240 ml', feedsPerDay: '3–4 次', note: '全天约 600–800 ml，另加 1–2 餐辅食' },
      { age: '9–12 个月', perFeed: '180–240 ml', feedsPerDay: '3 次左右', note: '全天约 600 ml，辅食 2–3 餐' },
      { age: '1–2 岁', perFeed: '150–200 ml', feedsPerDay: '2–3 次', note: '全天 400–600 ml，三餐两点' },
      { age: '2–3 岁', perFeed: '150–200 ml', feedsPerDay: '2 次左右', note: '全天 350–500 ml，和家人一起吃饭' },
    ],
    tips: [
      '冲调配方奶：先放温开水（40–50℃，以罐上说明为准），再按勺数加奶粉。',
      '按说明的比例冲调，冲好的奶 1 小时内喝完。',
      '母乳宝宝 6 个月内一般不需要额外喝水。',
    ],
  },
  solids: {
    heading: '二、什么时候、怎样开始添加辅食',
    when: '满 6 月龄（约 180 天）开始添加辅食，不早于 4 个月，也不要晚于 8 个月。早产宝宝按矫正月龄计算，并听从医生建议。',
    readiness: [
      '扶着能坐稳，头颈能自如转动',
      '看到大人吃饭会盯着看、张嘴、伸手',
      '把勺子放到嘴边会张嘴，不再用舌头把食物顶出来',
    ],
    firstFoods: [
      '强化铁的婴儿米粉：用温水或奶调成稀糊，第一次 1–2 勺',
      '红肉泥、肝泥：补铁效果好，从少量开始',
      '蛋黄泥：从 1/8 个开始，逐渐加量',
      '蔬菜泥、水果泥：如土豆、苹果',
    ],
    rules: [
      '每次只添加一种新食物，连续观察 3 天，没有过敏再加下一种',
      '从少到多、从稀到稠、从细到粗',
      '1 岁以内不加盐、糖和酱油，不喂蜂蜜',
      '整粒坚果、果冻、葡萄等易噎食物不要给 3 岁以下宝宝整颗吃',
      '辅食用小勺喂，让宝宝坐着吃，不边玩边吃',
    ],
    stages: [
      { age: '6 个月', texture: '细腻泥糊', foods: '强化铁米粉、肉泥、蛋黄、菜泥', meals: '每天 1 餐，奶为主' },
      { age: '7–9 个月', texture: '稠糊、碎末', foods: '烂面条、粥、碎菜、鱼肉泥、豆腐', meals: '每天 1–2 餐' },
      { age: '10–12 个月', texture: '碎块、手指食物', foods: '软饭、小块蔬菜水果、肉末', meals: '每天 2–3 餐，加 1 次点心' },
      { age: '1–3 岁', texture: '软烂的家常饭菜', foods: '谷薯、蔬果、肉蛋鱼豆、奶类都要有', meals: '三餐两点，少盐少糖' },
    ],
  },
  allergy: {
    heading: '三、食物过敏：看懂信号，正确应对',
    lead: '新食物吃下后几分钟到 2 小时内出现下列表现，要想到过敏的可能；也有的在几天内逐渐出现。',
    signs: [
      { area: '皮肤', what: '口周或全身红疹、风团（荨麻疹），湿疹突然加重，眼睑或嘴唇肿' },
      { area: '肠胃', what: '呕吐、腹泻、便中带血或黏液，腹痛哭闹' },
      { area: '呼吸', what: '咳嗽、喘息、呼吸困难' },
      { area: '全身', what: '面色苍白、精神很差' },
    ],
    mild: [
      '立即停止吃可疑的食物，记下吃了什么、吃了多少、多久后出现',
      '只有轻微皮疹、精神好：停食观察，尽快咨询儿科医生，在医生指导下再尝试',
    ],
    urgent: [
      '出现呼吸困难、喘息，嘴唇或舌头肿胀，反复呕吐，精神很差或面色苍白：立即拨打 120 或马上去医院急诊',
      '这时不要在家等着观察',
    ],
    common: '常见易过敏食物：牛奶、鸡蛋、花生、坚果、鱼虾贝类、大豆、小麦。不必刻意推迟添加，但过敏体质宝宝请先咨询医生。',
  },
  disclaimer: '本指南为一般性育儿参考，不构成医疗建议，不能代替医生的诊断和治疗。每个宝宝情况不同，如有疑问请咨询儿科医生或儿童保健医生。',
  sources: '参考：中国营养学会《中国婴幼儿喂养指南（2022）》，WHO 婴幼儿喂养建议。',
}
