// Moves the keyboard focus to what a refused form or sign-in needs the registrar to read first: the error summary
// or the explanation of a conflict. Screen readers then read it out, and its links lead to the fields.
document.addEventListener("DOMContentLoaded", function () {
  var first = document.querySelector("[data-autofocus]");
  if (first) {
    first.focus();
  }
});

// A link of an error summary puts the cursor in its field, not only the field in view.
document.addEventListener("click", function (event) {
  var link = event.target.closest(".error-summary a[href^='#']");
  var field = link && document.getElementById(link.getAttribute("href").substring(1));
  if (field) {
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: "center" });
  }
});
