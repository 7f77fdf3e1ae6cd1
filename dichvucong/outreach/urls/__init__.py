"""The outreach app's three URL modules, one per audience, each mounted
on its own prefix in dichvucong/urls.py: `campaign` (/tuyen-truyen/, the
school coordinators and the Education Office), `report` (/bao-cao-tuyen-truyen/,
the year-end report and the electronic residential areas) and `helpers`
(/dai-su-so/, the ambassadors' practice and assisted submission)."""
