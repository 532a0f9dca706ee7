/**
 * The widget's styles, scoped by its Shadow DOM. Theming: the host page may set any
 * `--bb-*` property on `buergerbot-chat`; otherwise the city colours from the config apply.
 */
export const styles = `
:host{all:initial;
--p:var(--bb-primary,var(--bb-cfg-primary,#00528c));--op:var(--bb-on-primary,var(--bb-cfg-on-primary,#fff));
--bg:var(--bb-background,#fff);--fg:var(--bb-text,#1a1a1a);--mu:var(--bb-muted,#f1f3f5);--soft:#4a4a4a;
--bd:var(--bb-border,#6b6b6b);--line:#c4c8cd;--fc:var(--bb-focus,#1a1a1a);--link:var(--bb-link,var(--p));
--r:var(--bb-radius,12px);--z:var(--bb-z-index,2147483000)}
.root{font:var(--bb-font-size,16px)/1.5 var(--bb-font,system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif);color:var(--fg)}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
button,textarea{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:3px solid var(--fc);outline-offset:2px;box-shadow:0 0 0 2px #fff}
a{color:var(--link);text-decoration:underline;text-underline-offset:2px}
svg{flex:none;fill:currentColor}
.launcher{position:fixed;bottom:16px;right:16px;z-index:var(--z);display:inline-flex;align-items:center;gap:8px;
min-height:48px;max-width:calc(100vw - 32px);padding:10px 20px;border:2px solid var(--op);border-radius:999px;
background:var(--p);color:var(--op);font-weight:600;box-shadow:0 2px 10px rgba(0,0,0,.35)}
.panel{position:fixed;bottom:80px;right:16px;z-index:var(--z);display:flex;flex-direction:column;
width:min(420px,calc(100vw - 32px));height:min(680px,calc(100vh - 100px));overflow:auto;background:var(--bg);
color:var(--fg);border:1px solid var(--bd);border-radius:var(--r);box-shadow:0 8px 30px rgba(0,0,0,.35);
animation:bb-in .2s ease-out}
.left .launcher,.left .panel{right:auto;left:16px}
@media (max-width:480px),(max-height:520px){.panel,.left .panel{inset:0;width:auto;height:auto;border:0;border-radius:0}}
@keyframes bb-in{from{opacity:0;transform:translateY(12px)}}
.head{display:flex;align-items:center;gap:4px;padding-block:6px;padding-inline:16px 6px;background:var(--p);color:var(--op)}
.head h2{flex:1;margin:0;font-size:1.1em;line-height:1.3}
.head :focus-visible{outline-color:var(--op);box-shadow:none;outline-offset:-3px}
.icon{display:inline-flex;align-items:center;justify-content:center;min-width:44px;min-height:44px;padding:0 8px;
border:0;border-radius:8px;background:transparent}
.notice{margin:0;padding:8px 16px;font-size:.875em;background:var(--mu);border-bottom:1px solid var(--line)}
.log{flex:1 0 12em;display:flex;flex-direction:column;gap:12px;overflow-y:auto;padding:12px 16px}
.msg{overflow-wrap:anywhere}
.user{align-self:flex-end;max-width:85%;padding:8px 12px;border-radius:var(--r) var(--r) 4px var(--r);
background:var(--p);color:var(--op);white-space:pre-wrap}
.bot{padding:10px 12px;border-radius:var(--r);background:var(--mu);border:1px solid var(--line)}
.bot p,.bot ul{margin:0 0 .5em}.bot ul,.bot ol{padding-inline-start:1.4em}
.body>:last-child{margin-bottom:0}
.who{font-weight:600}
.emergency{background:#fdecea;border:3px solid #b3261e}
.badge{display:inline-block;margin-bottom:6px;padding:2px 8px;border-radius:4px;background:#8c1d18;color:#fff;font-weight:700}
.emergency .tel{font-weight:700}
.sources,.contact,.feedback{margin-top:10px;font-size:.9em}
.sources{padding-top:8px;border-top:1px solid var(--line)}
.sources h3,.contact h3,.starters h3{margin:0 0 4px;font-size:1em}
.sources ol{margin:0}
.date{display:block;color:var(--soft)}
.contact{padding:8px 10px;border-radius:8px;background:var(--bg);border:1px solid var(--line)}
.contact p{margin:2px 0}
.feedback{display:flex;flex-wrap:wrap;align-items:center;gap:6px}.feedback>span{flex-basis:100%}
.chip,.starter,.retry{min-height:44px;padding:6px 14px;border:1px solid var(--bd);border-radius:999px;background:var(--bg);color:var(--fg)}
.chip[aria-pressed=true]{background:var(--p);color:var(--op);border-color:var(--p)}
.chip{display:inline-flex;align-items:center;gap:6px}.down svg{transform:rotate(180deg)}
.chip[aria-pressed=true]::after{content:"✓"}
.comment .chip{border-radius:8px}
.comment{display:flex;flex-wrap:wrap;gap:6px;width:100%}
.comment label{width:100%}
.comment textarea{flex:1 1 12em;min-width:0;min-height:44px;padding:6px 10px;border:1px solid var(--bd);border-radius:8px}
.starters ul{display:flex;flex-direction:column;gap:6px;margin:0;padding:0;list-style:none}
.starter{width:100%;border-radius:8px;border-color:var(--p);text-align:start;color:var(--link)}
.error{padding:10px 12px;border-radius:8px;background:#fff4f4;border:2px solid #b3261e}
.error p{margin:0 0 8px}.error strong{color:#8c1d18}
.thinking::before{content:"";display:inline-block;width:.7em;height:.7em;margin-inline-end:.5em;border-radius:50%;
background:var(--p);animation:bb-pulse .8s ease-in-out infinite alternate}
@keyframes bb-pulse{to{transform:scale(.4)}}
.form{display:flex;align-items:flex-end;gap:8px;padding:8px 12px;border-top:1px solid var(--line)}
.form textarea{flex:1;min-width:0;min-height:44px;max-height:8em;padding:10px 12px;border:1px solid var(--bd);
border-radius:8px;background:var(--bg);resize:none}
.form textarea::placeholder{color:#595959;opacity:1}
.send{min-height:44px;padding:0 16px;border:2px solid var(--p);border-radius:8px;background:var(--p);color:var(--op);font-weight:600}
.send[aria-disabled=true]{cursor:progress}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
@media (forced-colors:active){.launcher,.send,.chip,.starter,.bot,.error{border:2px solid CanvasText}}
`;
