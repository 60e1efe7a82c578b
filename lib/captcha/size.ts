// The captcha picture's size, shared by the renderer and the <img> that shows it.
export const CAPTCHA_WIDTH = 200;
export const CAPTCHA_HEIGHT = 64;
