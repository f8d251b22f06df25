// The return email links to /return/#<key>. Browsers never send the part after "#", so the key reaches no
// server log; this fills it into the form and takes it out of the address bar and history.
const key = decodeURIComponent(window.location.hash.slice(1))
const field = document.querySelector('input[name="token"]')
if (key && field && !field.value) {
  field.value = key
  window.history.replaceState(null, '', window.location.pathname + window.location.search)
}
