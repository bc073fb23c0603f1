// The default stylesheet (style.css, handed over by src/web/style.rs), adopted as a
// constructable stylesheet so that it works under a strict Content-Security-Policy (no inline
// <style>): one sheet, added once to each document or shadow root that holds a form. Where the
// browser cannot construct one, forms go without it.
let sheet;

export function adoptStyles(element, css) {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
  }
  if (!sheet) return;
  const root = element.getRootNode();
  const holder = root instanceof ShadowRoot || root instanceof Document ? root : element.ownerDocument;
  if (holder && !holder.adoptedStyleSheets.includes(sheet)) {
    holder.adoptedStyleSheets = [...holder.adoptedStyleSheets, sheet];
  }
}
