// Pigeon webmail: the only script, served as a file (the page's CSP allows no inline script).
// New mail without a reload: the server's event stream says which folder changed; the open
// page fetches itself again and swaps in the message list and the folder counts.
(function () {
  'use strict';

  function swap(id, doc) {
    var fresh = doc.getElementById(id), old = document.getElementById(id);
    if (fresh && old) old.replaceWith(fresh);
  }

  function refresh() {
    fetch(location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        swap('folders', doc);
        if (document.getElementById('list')) {
          // Keep what the reader ticked, if those messages are still there.
          var ticked = Array.prototype.map.call(document.querySelectorAll('#messages input[name=uid]:checked'), function (c) { return c.value; });
          swap('list', doc);
          ticked.forEach(function (v) {
            var box = document.querySelector('#messages input[name=uid][value="' + v + '"]');
            if (box) box.checked = true;
          });
        }
      })
      .catch(function () { /* the next event tries again */ });
  }

  if (document.querySelector('header.bar') && window.EventSource) {
    var events = new EventSource('/events');
    var timer = null;
    events.addEventListener('change', function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 150);  // a burst of changes: one fetch
    });
  }

  // Buttons that destroy ask first.
  document.addEventListener('click', function (e) {
    var t = e.target.closest('[data-confirm]');
    if (t && !window.confirm(t.getAttribute('data-confirm'))) e.preventDefault();
  });
})();
