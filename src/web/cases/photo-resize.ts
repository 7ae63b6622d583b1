/**
 * A phone camera takes several megabytes; a face to recognise needs a few dozen kilobytes.
 * The photo is scaled down in the browser before it leaves the phone, so that it costs little
 * on 2G and fits the server's limit (150 kB).
 */
export const PHOTO_MAX_SIDE = 640;
export const PHOTO_MAX_BYTES = 150 * 1024;

/** The size to draw at: the longer side brought down to `max`, never enlarged. */
export function scaledSize(width: number, height: number, max = PHOTO_MAX_SIDE): { width: number; height: number } {
  const ratio = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * ratio)), height: Math.max(1, Math.round(height * ratio)) };
}

/** A JPEG of the picture, lowering quality until it fits; null when it cannot be read as an image. */
export async function photoForUpload(file: Blob): Promise<{ contentType: 'image/jpeg'; data: string } | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return null;
  }
  const { width, height } = scaledSize(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  for (const quality of [0.8, 0.65, 0.5, 0.35]) {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (blob && blob.size <= PHOTO_MAX_BYTES) {
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { contentType: 'image/jpeg', data: btoa(binary) };
    }
  }
  return null;
}
