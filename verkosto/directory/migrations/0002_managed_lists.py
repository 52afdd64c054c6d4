"""The managed lists: target groups, ways of working and languages, in fi/sv/en."""

from django.db import migrations

TARGET_GROUPS = [
    ("young-people", "Alle 30-vuotiaat nuoret", "Unga under 30 år", "Young people under 30"),
    ("neet", "Koulutuksen ja työn ulkopuolella olevat nuoret (NEET)",
     "Unga utanför utbildning och arbete (NEET)", "Young people not in education or work (NEET)"),
    ("long-term-unemployed", "Pitkäaikaistyöttömät", "Långtidsarbetslösa", "Long-term unemployed"),
    ("partial-work-ability", "Osatyökykyiset", "Personer med partiell arbetsförmåga",
     "People partially able to work"),
    ("disabled", "Vammaiset henkilöt", "Personer med funktionsnedsättning", "Disabled people"),
    ("immigrants", "Maahanmuuttajat", "Invandrare", "Immigrants"),
    ("students", "Opiskelijat", "Studerande", "Students"),
    ("substance-mental-health", "Päihde- tai mielenterveyskuntoutujat",
     "Personer med missbruks- eller psykisk ohälsa", "People with substance or mental-health issues"),
    ("unemployed", "Työttömät työnhakijat", "Arbetslösa arbetssökande", "Unemployed jobseekers"),
    ("employers", "Työnantajat", "Arbetsgivare", "Employers"),
    ("professionals", "Ammattilaiset ja verkostot", "Yrkesverksamma och nätverk",
     "Professionals and networks"),
]

WAYS_OF_WORKING = [
    ("individual", "Yksilöohjaus", "Individuell handledning", "Individual"),
    ("group", "Ryhmätoiminta", "Gruppverksamhet", "Group"),
    ("outreach", "Etsivä / jalkautuva työ", "Uppsökande / mobilt arbete", "Outreach / mobile"),
    ("remote", "Etäpalvelu", "Distanstjänst", "Remote"),
    ("workplace", "Työpaikalla", "På arbetsplatsen", "At a workplace"),
    ("workshop", "Työpajatoiminta", "Verkstadsverksamhet", "Workshop"),
]

LANGUAGES = [
    ("fi", "suomi", "finska", "Finnish"),
    ("sv", "ruotsi", "svenska", "Swedish"),
    ("en", "englanti", "engelska", "English"),
    ("se", "saame", "samiska", "Sami"),
    ("ru", "venäjä", "ryska", "Russian"),
    ("et", "viro", "estniska", "Estonian"),
    ("ar", "arabia", "arabiska", "Arabic"),
    ("so", "somali", "somaliska", "Somali"),
    ("fa", "persia", "persiska", "Persian"),
    ("uk", "ukraina", "ukrainska", "Ukrainian"),
    ("fi-x-selko", "selkosuomi", "lättläst finska", "Plain Finnish"),
    ("fse", "suomalainen viittomakieli", "finskt teckenspråk", "Finnish Sign Language"),
]


def load(apps, schema_editor):
    for model_name, rows, key in (
        ("TargetGroup", TARGET_GROUPS, "slug"),
        ("WayOfWorking", WAYS_OF_WORKING, "slug"),
        ("Language", LANGUAGES, "code"),
    ):
        model = apps.get_model("directory", model_name)
        for position, (ident, fi, sv, en) in enumerate(rows):
            model.objects.update_or_create(
                **{key: ident},
                defaults={"name": fi, "name_fi": fi, "name_sv": sv, "name_en": en, "position": position},
            )


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
