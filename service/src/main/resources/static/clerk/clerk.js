// The clerks' page: check as the clerk types, and send the page's small forms without reloading. The server renders
// every result (the X-Fragment header asks for the result part only); without this script the forms still work.
(function () {
  'use strict';
  var form = document.getElementById('check-form');
  if (!form) {
    return;
  }
  var field = document.getElementById('address');
  var result = document.getElementById('result');
  var timer = null;
  var sequence = 0;
  var lastChecked = null;

  function post(action, data) {
    var controller = new AbortController();
    var abort = setTimeout(function () { controller.abort(); }, 20000); // never leave the clerk waiting forever
    return fetch(action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-Fragment': '1', 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: new URLSearchParams(new FormData(data)),
      signal: controller.signal
    }).finally(function () { clearTimeout(abort); });
  }

  function failed() {
    var p = document.createElement('p');
    p.className = 'outcome bad';
    p.setAttribute('role', 'alert');
    p.textContent = result.getAttribute('data-failed');
    result.replaceChildren(p);
  }

  // Sends a form, puts the answer's result part in place, then runs after(); answers to older requests are dropped.
  function send(formElement, after) {
    var mine = ++sequence;
    result.setAttribute('aria-busy', 'true');
    return post(formElement.action, formElement).then(function (response) {
      if (response.redirected) { // the session ended: the login page
        window.location.reload();
        return;
      }
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.text().then(function (html) {
        if (mine !== sequence) {
          return;
        }
        var template = document.createElement('template');
        template.innerHTML = html;
        var fresh = template.content.getElementById('result');
        result.replaceChildren.apply(result, Array.prototype.slice.call((fresh || template.content).childNodes));
        if (after) {
          after();
        }
      });
    }).catch(function () {
      if (mine === sequence) {
        failed();
      }
    }).finally(function () {
      if (mine === sequence) {
        result.removeAttribute('aria-busy');
      }
    });
  }

  function check() {
    clearTimeout(timer);
    var value = field.value.trim();
    if (value === '') {
      sequence++;
      lastChecked = null;
      result.replaceChildren();
      return;
    }
    if (value === lastChecked) {
      return;
    }
    lastChecked = value;
    send(form);
  }

  field.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    lastChecked = null;
    check();
  });

  // The forms inside the result: the suggestion, send code, confirm code.
  result.addEventListener('submit', function (event) {
    var target = event.target;
    event.preventDefault();
    if (target.classList.contains('take-form')) {
      var take = target.querySelector('[data-suggestion]');
      field.value = take.getAttribute('data-suggestion');
      field.focus(); // the clerk carries on in the field, with the corrected address
      lastChecked = null;
      check();
      return;
    }
    var buttons = target.querySelectorAll('button');
    buttons.forEach(function (b) { b.disabled = true; });
    send(target, function () {
      var focus = document.getElementById('code') || document.getElementById('outcome');
      if (focus) {
        focus.focus();
      }
    }).finally(function () {
      buttons.forEach(function (b) { b.disabled = false; });
    });
  });
})();
