// Shows only the residential groups of the chosen ward. The group list is
// grouped by ward (<optgroup label="ward name">), so without this script
// it still works: every ward's block is listed and the server checks that
// the group lies in the ward.
(function () {
  "use strict";

  function follow(wardSelect, groupSelect) {
    var chosen = wardSelect.selectedIndex > 0 ? wardSelect.options[wardSelect.selectedIndex].text : "";
    var groups = groupSelect.querySelectorAll("optgroup");
    for (var i = 0; i < groups.length; i += 1) {
      var shown = chosen === "" || groups[i].label === chosen;
      groups[i].hidden = !shown;
      groups[i].disabled = !shown;
    }
    var selected = groupSelect.options[groupSelect.selectedIndex];
    if (selected && selected.parentNode.tagName === "OPTGROUP" && selected.parentNode.hidden) {
      groupSelect.value = "";
    }
  }

  var wards = document.querySelectorAll("select[data-ward-groups]");
  for (var i = 0; i < wards.length; i += 1) {
    (function (wardSelect) {
      var groupSelect = document.getElementById(wardSelect.getAttribute("data-ward-groups"));
      if (!groupSelect) {
        return;
      }
      wardSelect.addEventListener("change", function () {
        follow(wardSelect, groupSelect);
      });
      follow(wardSelect, groupSelect);
    })(wards[i]);
  }
})();
