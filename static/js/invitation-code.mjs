// The invitation email links to /invitations/#<code>. Browsers never send the part after "#", so the code
// reaches no server log; this fills it into the form and takes it out of the address bar and history.
const code = decodeURIComponent(window.location.hash.slice(1))
const field = document.querySelector('input[name="code"]')
if (code && field && !field.value) {
  field.value = code
  window.history.replaceState(null, '', window.location.pathname + window.location.search)
}
