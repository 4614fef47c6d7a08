// Design tokens: the brand's colours, spacing and type scale. theme.css mirrors them as CSS variables.
export const colors = {
  brand: '#FF7A8A', // 亲亲粉: warm, maternal
  brandDark: '#E85D6F',
  brandSoft: '#FFF0F2',
  trust: '#2BA471', // evidence, verified, approved
  warn: '#F5A623',
  danger: '#E34D59',
  text: '#2B2B2B',
  textSecondary: '#7A7A7A',
  border: '#F0E6E8',
  background: '#FAF7F7',
  surface: '#FFFFFF',
} as const

export const spacing = { xs: 8, sm: 16, md: 24, lg: 32, xl: 48 } as const // design px (750 wide)

export const fontSize = { caption: 22, body: 28, title: 32, headline: 40 } as const
