/**
 * The loader: `<script src="https://bot.example/widget.js" data-api data-lang data-position
 * data-title defer></script>` defines `<buergerbot-chat>` and mounts one on the page.
 * The API origin defaults to the script's own origin.
 */
import { BuergerbotChat } from './element.js';

const TAG = 'buergerbot-chat';
const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;

if (!customElements.get(TAG)) {
  if (script?.src)
    BuergerbotChat.defaultApi = script.dataset.api || new URL(script.src, location.href).origin;
  customElements.define(TAG, BuergerbotChat);
  const mount = () => {
    // A page may place the element itself; the script then only defines it.
    if (!script || document.querySelector(TAG)) return;
    const element = document.createElement(TAG);
    const { api, lang, position, title } = script.dataset;
    if (api) element.setAttribute('api', api);
    if (lang) element.setAttribute('lang', lang);
    if (position) element.setAttribute('position', position);
    if (title) element.setAttribute('heading', title);
    document.body.appendChild(element);
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
}
