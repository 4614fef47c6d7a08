// Native custom component: the quota bar drawn on chain share cards (weapp only; H5 uses ProgressBar).
// Same clamping rule as domain/quota.ts, kept dependency-free so it loads as a plain mini-program component.
function progress(sold, quota) {
  var q = Math.max(0, Math.floor(Number(quota) || 0))
  var s = Math.min(Math.max(0, Math.floor(Number(sold) || 0)), q)
  var percent = q === 0 ? 0 : Math.round((s / q) * 100)
  return { sold: s, quota: q, remaining: q - s, percent: percent, full: q > 0 && s === q }
}

Component({
  options: { addGlobalClass: false },
  properties: {
    sold: { type: Number, value: 0 },
    quota: { type: Number, value: 0 },
    unit: { type: String, value: '份' },
  },
  data: { percent: 0, remaining: 0, full: false, text: '' },
  observers: {
    'sold, quota, unit': function (sold, quota, unit) {
      var p = progress(sold, quota)
      this.setData({
        percent: p.percent,
        remaining: p.remaining,
        full: p.full,
        text: p.full ? '已满 ' + p.quota + ' ' + unit : '已接 ' + p.sold + ' / ' + p.quota + ' ' + unit + '，仅剩 ' + p.remaining + ' ' + unit,
      })
    },
  },
  methods: {
    onTap: function () {
      this.triggerEvent('tapbar', { remaining: this.data.remaining, full: this.data.full })
    },
  },
})
