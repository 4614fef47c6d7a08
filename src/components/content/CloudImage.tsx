import { Image } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { photoSrc } from '../../services/storage'

/** A photo kept in cloud storage; on H5 it waits for a temporary URL before it shows. */
export function CloudImage(props: { fileID: string; className?: string }) {
  const [src, setSrc] = useState('')
  useEffect(() => {
    let alive = true
    photoSrc(props.fileID).then(
      (s) => alive && setSrc(s),
      () => alive && setSrc(''),
    )
    return () => {
      alive = false
    }
  }, [props.fileID])
  return <Image className={props.className} src={src} mode='aspectFill' lazyLoad />
}
