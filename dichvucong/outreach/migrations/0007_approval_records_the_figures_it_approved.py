from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0006_pupils_keep_their_identity_and_help_its_year"),
    ]

    operations = [
        migrations.AddField(
            model_name="yearendreport",
            name="approved_digest",
            field=models.CharField(
                blank=True, max_length=64, verbose_name="mã kiểm tra số liệu đã duyệt"
            ),
        ),
        migrations.AddField(
            model_name="yearendreport",
            name="approved_totals",
            field=models.JSONField(blank=True, default=dict, verbose_name="số liệu đã duyệt"),
        ),
    ]
