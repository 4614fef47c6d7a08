import { Image, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { photoSrc } from '../../services/storage'

/**
 * A photo kept in cloud storage; on H5 it waits for a temporary URL before it shows.
 *
 * The <Image> mounts only once the src is known: H5's lazy image sets up its visibility watcher
 * when it first mounts and, mounted without a src, it has no <img> to watch — it then throws
 * ("IntersectionObserver … not of type 'Element'") and never shows the photo.
 */
export function CloudImage(props: { fileID: string; className?: string; alt?: string }) {
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
  if (!src) return <View className={props.className} aria-busy='true' />
  return <Image key={src} className={props.className} src={src} mode='aspectFill' lazyLoad ariaLabel={props.alt} />
}
