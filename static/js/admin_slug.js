// The admin fills in the slug from the title; spell German letters as the importer does
// (ä → ae, ß → ss), so an item typed in gets the same address as the same item imported.
(function () {
  "use strict";
  const original = window.URLify;
  if (typeof original !== "function") {
    return;
  }
  const german = { "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss" };
  window.URLify = function (text, maxLength, allowUnicode) {
    return original(String(text).replace(/[äöüÄÖÜß]/g, (c) => german[c]), maxLength, allowUnicode);
  };
})();
