// Taro compiles only config/ when it loads the build config; the landing shell reads its words and
// names from domain/, src/services/ and the demo identities, which are TypeScript too. A second
// registration replaces Taro's, so it names config/ again.
import path from 'node:path'
import { createSwcRegister } from '@tarojs/helper'

const root = path.resolve(__dirname, '..')
const shared = ['config', 'domain', 'src/services/first-screen', 'localcloud/seeds/identities'].map((p) => path.join(root, p))

createSwcRegister({ only: [(file: string) => shared.some((p) => file.startsWith(p))] })
