// The desk pages' one script (no build, no CDN): the dossier page's "print this page" button.
document.addEventListener("click", function (event) {
  var target = event.target;
  if (target instanceof Element && target.closest("[data-print]")) {
    window.print();
  }
});
