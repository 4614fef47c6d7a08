// What wx-server-sdk reads from process.env inside a cloud function, pointed at a localcloud: the
// harnesses, `npm start` and the benchmarks set it before they load the SDK in their own process.
/** The SCF environment the SDK expects inside a cloud function, pointed at the localcloud at `url`. */
export function sdkEnv(url: string, identity: { openid?: string; appid?: string; env?: string } = {}): Record<string, string> {
  const env = identity.env ?? 'local-env'
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    TENCENTCLOUD_SESSIONTOKEN: 'local-session-token',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TCB_ENV: env,
    SCF_NAMESPACE: env,
    TENCENTCLOUD_RUNENV: 'SCF',
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    WX_OPENID: identity.openid ?? 'o-test-user',
    WX_APPID: identity.appid ?? 'wx-local-app',
  }
}

