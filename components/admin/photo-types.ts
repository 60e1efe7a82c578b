// What the newsroom's photo library hands to its users (the cover box, the body editor):
// one stored photo with its reader-facing texts. The body editor inserts it as
//   <figure><img src alt width height><figcaption>caption<small>credit</small></figcaption></figure>
// (figcaption only when there is a caption or credit; <small> only when there is a credit).
export type PickedPhoto = {
  id: number;
  /** /media/<key> of the original. */
  src: string;
  width: number;
  height: number;
  /** For readers who cannot see the photo. */
  alt: string;
  /** What the photo shows, under it. */
  caption: string;
  /** Whose photo it is, e.g. "사진=길림신문". */
  credit: string;
};
