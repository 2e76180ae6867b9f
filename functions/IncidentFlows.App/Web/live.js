// Progressive enhancement only: every page works without this file.
// 1. With no ?tz= chosen, show times in the viewer's own zone (the selector's default).
// 2. Pages marked data-refresh reload themselves every N seconds while visible, so a war-room screen stays current.
(function () {
  var url = new URL(window.location.href);
  var zoneSelect = document.querySelector('select[name="tz"][data-viewer-default]');
  if (zoneSelect && !url.searchParams.has('tz')) {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zone !== zoneSelect.value && Array.prototype.some.call(zoneSelect.options, function (o) { return o.value === zone; })) {
      url.searchParams.set('tz', zone);
      window.location.replace(url.toString());
      return;
    }
  }
  var seconds = parseInt(document.body.getAttribute('data-refresh') || '0', 10);
  if (seconds > 0) {
    setInterval(function () { if (document.visibilityState === 'visible' && !document.activeElement.matches('input,textarea,select')) { window.location.reload(); } }, seconds * 1000);
  }
})();
