// H5 first screen: the landing page as static HTML inside index.html, painted as soon as the HTML
// arrives instead of after the app's scripts have downloaded and run (about a second on a phone).
// It is drawn only where the app would draw the same thing at once: on the landing route, for a
// device that knows her as a visitor or not at all (see HomePage). Its button is a plain link to
// the apply page, so a tap before the app runs is not lost: the router opens what the hash names.
// The first page the app draws removes it (PageShell), before that page paints.
// first: the files below are TypeScript outside config/
import './register-shared'
import { DEMO_IDENTITIES, DEFAULT_DEV_OPENID, DEV_OPENID_KEY } from '../localcloud/seeds/identities'
import { LANDING, PROMISES } from '../domain/labels'
import { PAGES } from '../domain/pages'
import { LANDING_SHELL_ID, LAST_STATUS_KEY } from '../src/services/first-screen'

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

// The app's own measures (src/styles, src/components/ui): design px on a 750-wide canvas, which
// Taro turns into rem at 40 design px per rem; the page's head script sets the rem as it does for
// the app. Taro draws the title bar in CSS px.
const STYLE = `
#${LANDING_SHELL_ID}{position:fixed;inset:0;z-index:1;overflow:auto;background:#fff;color:#2B2B2B;font-size:.7rem;line-height:1.5;
font-family:-apple-system,BlinkMacSystemFont,'PingFang SC','Helvetica Neue',sans-serif}
#${LANDING_SHELL_ID}[hidden]{display:none}
.ls-nav{height:40px;box-sizing:border-box;padding:8px 0;background:#FF7A8A;color:#fff;font-size:24px;line-height:24px;text-align:center}
.ls-dev{display:flex;justify-content:space-between;padding:.3rem .6rem;background:#2B2B2B;color:#fff;font-size:.55rem}
.ls-dev span:first-child{opacity:.7}.ls-dev span:last-child{color:#FFD3DA}
.ls-page{padding:.6rem}.ls-page>*+*{margin-top:.6rem}
.ls-headline{font-size:1rem;font-weight:600}.ls-caption{font-size:.55rem;color:#7A7A7A}
.ls-button{display:flex;align-items:center;justify-content:center;height:2.2rem;border-radius:1.1rem;background:#FF7A8A;color:#fff;
font-size:.75rem;font-weight:600;text-decoration:none;-webkit-tap-highlight-color:transparent}
.ls-button[aria-busy=true]{opacity:.6}
.ls-card{background:#fff;border-radius:.6rem;padding:.8rem;box-shadow:0 .1rem .4rem rgba(232,93,111,.06)}
.ls-card-title{display:block;margin-bottom:.4rem;font-size:.8rem;font-weight:600}.ls-muted{color:#7A7A7A}.ls-title{font-size:.8rem;font-weight:600}
.ls-stack>*+*{margin-top:.6rem}.ls-promise{padding:.4rem 0}
`

function markup(): string {
  // the same nesting as the page's Views (blocks) and Texts (inline), so lines fall the same way
  const promises = PROMISES.map((p) => `<div class="ls-promise"><span class="ls-title">✓ ${escape(p.title)}</span><div><span class="ls-muted">${escape(p.text)}</span></div></div>`).join('')
  return [
    `<div id="${LANDING_SHELL_ID}" hidden>`,
    '<div class="ls-nav">亲亲宝贝</div>',
    '<div class="ls-dev"><span>开发身份</span><span id="ls-dev-who"></span></div>',
    '<div class="ls-page">',
    `<div><span class="ls-headline">${escape(LANDING.headline)}</span><div><span class="ls-caption">${escape(LANDING.caption)}</span></div></div>`,
    `<a class="ls-button" href="#/${PAGES.apply}">${escape(LANDING.apply)}</a>`,
    `<div class="ls-card"><span class="ls-card-title">${escape(LANDING.introTitle)}</span><span class="ls-muted">${escape(LANDING.intro)}</span><div class="ls-stack">${promises}</div></div>`,
    '</div></div>',
  ].join('')
}

/**
 * Runs in the page, straight after the markup: shows the shell or removes it. Written as ES5 in a
 * string because it is inlined as is, ahead of every bundle. Taro's storage keeps `{"data": …}`.
 */
function script(): string {
  const labels = JSON.stringify(Object.fromEntries(DEMO_IDENTITIES.map((i) => [i.openid, `${i.label} ▾`])))
  return `(function(){
var shell=document.getElementById(${JSON.stringify(LANDING_SHELL_ID)});
var isLanding=function(){var h=location.hash;return h===''||h==='#'||h==='#/'||h==='#/${PAGES.home}'};
var status;try{status=JSON.parse(localStorage.getItem(${JSON.stringify(LAST_STATUS_KEY)})||'{}').data}catch(e){}
if(!isLanding()||(status&&status!=='visitor')){shell.remove();return}
var id;try{id=localStorage.getItem(${JSON.stringify(DEV_OPENID_KEY)})}catch(e){}
document.getElementById('ls-dev-who').textContent=${labels}[id||${JSON.stringify(DEFAULT_DEV_OPENID)}]||'';
shell.hidden=false;
addEventListener('hashchange',function(){if(!isLanding()){var b=shell.querySelector('.ls-button');b.setAttribute('aria-busy','true');b.textContent='正在打开…'}});
})()`
}

/**
 * What index.html puts first in <body>: the style, the static landing page and its switch. The H5
 * build always carries the development identity bar (DevBar.h5.tsx), so the copy draws it too.
 */
export function landingShell(): string {
  return `<style>${STYLE.replace(/\n/g, '')}</style>${markup()}<script>${script().replace(/\n/g, '')}</script>`
}
