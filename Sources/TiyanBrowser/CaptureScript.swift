/// The JavaScript that reads the rendered page. It runs in an isolated world, whose globals
/// (Map, Array, getComputedStyle, ...) the page's own scripts cannot replace, so a page cannot
/// hide what it shows. It returns compact rows, not objects, because a portal's 20,000
/// elements make a large reply.
enum CaptureScript {
    static let elementLimit = 20_000

    /// The computed properties the probes judge (RenderedElement.style), in row order.
    static let styleProperties = [
        "display", "visibility", "font-size", "line-height", "color", "background-color", "opacity", "position",
        "font-weight", "background-image",
    ]

    static var source: String {
        let names = styleProperties.map { "'\($0)'" }.joined(separator: ",")
        return """
        (() => {
          const styleNames = [\(names)];
          const limit = \(elementLimit);
          // NodePath's convention (libxml2's xmlGetNodePath): lowercase names, a position only
          // among same-named siblings when there are several, odd names as *[name()='...'].
          const plain = /^[\\p{Alphabetic}_][\\p{Alphabetic}\\p{N}._-]*$/u;
          const nameOf = (element) => element.localName.toLowerCase();
          const steps = new Map();
          const stepsOfChildren = (parent) => {
            const totals = new Map();
            for (const child of parent.children) {
              const name = nameOf(child);
              totals.set(name, (totals.get(name) || 0) + 1);
            }
            const positions = new Map();
            for (const child of parent.children) {
              const name = nameOf(child);
              const position = (positions.get(name) || 0) + 1;
              positions.set(name, position);
              const test = plain.test(name) ? name : "*[name()='" + name.split("'").join('') + "']";
              steps.set(child, totals.get(name) > 1 ? test + '[' + position + ']' : test);
            }
          };
          const paths = new Map();
          const rows = [];
          const all = document.getElementsByTagName('*');
          for (let index = 0; index < all.length && rows.length < limit; index++) {
            const element = all[index];
            const parent = element.parentElement;
            const container = parent || element.parentNode;
            if (!container) continue;
            if (!steps.has(element)) stepsOfChildren(container);
            const path = (parent ? (paths.get(parent) || '') : '') + '/' + steps.get(element);
            paths.set(element, path);
            const computed = getComputedStyle(element);
            const style = styleNames.map((name) => computed.getPropertyValue(name));
            let box = null;
            if (element.getClientRects().length > 0) {
              const rect = element.getBoundingClientRect();
              box = [rect.x, rect.y, rect.width, rect.height];
            }
            rows.push([path, style, box]);
          }
          // Serialized markup carries attributes, not state: a box the page's script ticked
          // (checked = true) or a field it filled would look untouched. A copy gets the live
          // state as attributes, so the archived DOM shows what the citizen sees.
          let html = '';
          if (document.documentElement) {
            const copy = document.documentElement.cloneNode(true);
            const selector = 'input, option, textarea';
            const live = document.documentElement.querySelectorAll(selector);
            const copied = copy.querySelectorAll(selector);
            for (let index = 0; index < live.length && index < copied.length; index++) {
              const element = live[index];
              const target = copied[index];
              const tag = element.localName;
              if (tag === 'option') {
                if (element.selected) target.setAttribute('selected', ''); else target.removeAttribute('selected');
              } else if (tag === 'textarea') {
                target.textContent = element.value;
              } else if (element.type === 'checkbox' || element.type === 'radio') {
                if (element.checked) target.setAttribute('checked', ''); else target.removeAttribute('checked');
              } else if (element.type !== 'password' && element.type !== 'file' && element.value !== element.getAttribute('value')) {
                target.setAttribute('value', element.value);
              }
            }
            html = copy.outerHTML;
          }
          return {
            url: location.href,
            dom: (document.doctype ? '<!DOCTYPE html>' : '') + html,
            elements: rows,
          };
        })()
        """
    }
}
