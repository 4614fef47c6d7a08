// The development identity bar exists only in the H5 build (DevBar.h5.tsx); mini-program users never see it.
export function DevBar(): null {
  return null
}
