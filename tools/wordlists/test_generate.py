"""Unit tests for the wordlist generator (stdlib unittest).

Run from the repository root:  python3 -m unittest tools/wordlists/test_generate.py
The examples are real cells of index_of_cites_species_2017-04-21.csv.gz and of the
Species+ 2024/2026 synonym files.
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import generate as g  # noqa: E402


class StripAuthor(unittest.TestCase):
    def test_animal_author_year(self):
        self.assertEqual(g.strip_author("Falco tachiro Daudin, 1800"), "Falco tachiro")
        self.assertEqual(g.strip_author("Ornismya abeillei Lesson & DeLattre, 1839"), "Ornismya abeillei")

    def test_parenthesised_author(self):
        self.assertEqual(g.strip_author("Alouatta villosa (Gray, 1845)"), "Alouatta villosa")
        self.assertEqual(g.strip_author("Branta hutchinsii leucopareia (von Brandt, 1836)"),
                         "Branta hutchinsii leucopareia")

    def test_plant_abbreviated_authors(self):
        self.assertEqual(g.strip_author("Disa laeta Rchb.f."), "Disa laeta")
        self.assertEqual(g.strip_author("Disa amblyopetala Schltr."), "Disa amblyopetala")
        self.assertEqual(g.strip_author("Habenaria cubitalis (L.) R.Br. ex Spreng."), "Habenaria cubitalis")
        self.assertEqual(g.strip_author("Broughtonia linearis Wall. ex Lindl."), "Broughtonia linearis")
        self.assertEqual(g.strip_author("Aerides tessellata Thwaites non (Roxb.) Wight"), "Aerides tessellata")
        self.assertEqual(g.strip_author("Sarracenia jonesii Wherry p.p."), "Sarracenia jonesii")

    def test_infraspecific_markers_kept(self):
        self.assertEqual(g.strip_author("Dendrobium nobile var. alboluteum Huyen & Aver."),
                         "Dendrobium nobile var. alboluteum")
        self.assertEqual(g.strip_author("Dendrobates tinctorius var. quinquevittatus Steindachner"),
                         "Dendrobates tinctorius var. quinquevittatus")
        self.assertEqual(g.strip_author("Pachypodium rosulatum forma bicolor"),
                         "Pachypodium rosulatum forma bicolor")
        self.assertEqual(g.strip_author("Panax quinquefolius var. ginseng (C.A. Meyer) Regel & Maack"),
                         "Panax quinquefolius var. ginseng")

    def test_lower_case_particles_are_authors(self):
        self.assertEqual(g.strip_author("Ornismya pamela d'Orbigny, 1838"), "Ornismya pamela")
        self.assertEqual(g.strip_author("Ornismya aureoventris d'Orbigny & Lafresnaye, 1838"),
                         "Ornismya aureoventris")
        self.assertEqual(g.strip_author("Phyllobates tricolor Barbour and Noble, 1920"), "Phyllobates tricolor")
        self.assertEqual(g.strip_author("Opuntia vulgaris auctt"), "Opuntia vulgaris")
        self.assertEqual(g.strip_author("Hieraaetus dubius Smith, 1830 misapplied"), "Hieraaetus dubius")

    def test_mis_cased_author(self):
        self.assertEqual(g.strip_author("Cyathea copelandii kuhn & Luerss. ex Luerss. 1882"), "Cyathea copelandii")
        self.assertEqual(g.strip_author("Aspidonectes californiana rivers 1889 Rivers"), "Aspidonectes californiana")

    def test_subgenus_and_quoted_genus(self):
        self.assertEqual(g.strip_author("Phyllomedusa (agalychnis) helenae Lutz, 1950"), "Phyllomedusa helenae")
        self.assertEqual(g.strip_author('"dendrobates" mysteriosus Grant'), "Dendrobates mysteriosus")

    def test_apostrophe_epithet_and_hyphenated_genus(self):
        self.assertEqual(g.strip_author("Dendrobium d'albertisii Rchb.f."), "Dendrobium d'albertisii")
        self.assertEqual(g.strip_author("Oakes-Amesia cryptantha C.Schweinf. & P.H.Allen"), "Oakes-Amesia cryptantha")
        self.assertEqual(g.strip_author("Alsophila unguis-cati Fée 1869"), "Alsophila unguis-cati")

    def test_not_a_name(self):
        self.assertIsNone(g.strip_author("Szlach. & Kulak"))
        self.assertIsNone(g.strip_author("1758"))
        self.assertIsNone(g.strip_author("de Sá"))
        self.assertIsNone(g.strip_author("Grant"))  # an author in a long author list
        self.assertIsNone(g.strip_author("Ornithoptera priamos poseidon x ornithoptera rothschildi"))

    def test_genus_only(self):
        self.assertEqual(g.strip_author("Frigidorchis Z.J.Liu & S.C.Chen", genus_only=True), "Frigidorchis")
        self.assertEqual(g.strip_author("Pentisea (Lindl.) Szlach.", genus_only=True), "Pentisea")
        self.assertEqual(g.strip_author("Caulastrea ", genus_only=True), "Caulastrea")
        self.assertIsNone(g.strip_author("K.W.Liu & L.J.Chen", genus_only=True))


class ParseSynonyms(unittest.TestCase):
    def test_commas_inside_authors(self):
        cell = ("Pionus haematotis Sclater & Salvin, 1860, Gypopsitta haematotis (Sclater & Salvin, 1860), "
                "Pyrilia haematotis (Sclater & Salvin, 1860)")
        self.assertEqual(g.parse_synonyms(cell),
                         ["Pionus haematotis", "Gypopsitta haematotis", "Pyrilia haematotis"])

    def test_author_list_with_commas(self):
        cell = ("Stichorkis aurantiorbiculata (J.J.Wood & A.L.Lamb) Marg., Szlach. & Kulak")
        self.assertEqual(g.parse_synonyms(cell), ["Stichorkis aurantiorbiculata"])
        cell = ("Bufo superciliaris Boulenger, 1888 \"1887\", Amietophrynus superciliaris Frost, Grant, "
                "Faivovich, Bain, Haas, Haddad, de Sá, Channing, Wilkinson, Donnellan, Raxworthy")
        self.assertEqual(g.parse_synonyms(cell), ["Bufo superciliaris", "Amietophrynus superciliaris"])

    def test_plants_and_duplicates(self):
        cell = ("Ancistrocactus tobuschii (W.T. Marsh.) W.T. Marsh. ex Backeberg, "
                "Ancistrocactus tobuschii (W.T. Marsh.) W.T. Marsh. ex Backeberg")
        self.assertEqual(g.parse_synonyms(cell), ["Ancistrocactus tobuschii"])
        cell = "Coelogyne pilosissima Planch., Broughtonia linearis Wall. ex Lindl., Coelogyne decora Wall. ex Voight"
        self.assertEqual(g.parse_synonyms(cell),
                         ["Coelogyne pilosissima", "Broughtonia linearis", "Coelogyne decora"])

    def test_genus_row(self):
        self.assertEqual(g.parse_synonyms("Chenorchis Z.J.Liu, K.W.Liu & L.J.Chen", genus_only=True),
                         ["Chenorchis"])

    def test_double_comma_and_empty(self):
        self.assertEqual(g.parse_synonyms("Dendrobates tricolor Myers, Daly & Malkin, 1978,,"),
                         ["Dendrobates tricolor"])
        self.assertEqual(g.parse_synonyms(""), [])


class EpithetNames(unittest.TestCase):
    def test_species_under_genus(self):
        # plantae_new_synonyms_062024.csv: senegalensis (genus + epithet)
        self.assertEqual(g.build_epithet_name("Pterocarpus", "senegalensis", "SPECIES"),
                         "Pterocarpus senegalensis")

    def test_variety_keeps_var(self):
        # 2026-03-04_plantae_new_synonyms.csv: "var. redoutei", VARIETY, parent species 27195
        self.assertEqual(g.build_epithet_name("Galanthus nivalis", "var. redoutei", "VARIETY"),
                         "Galanthus nivalis var. redoutei")

    def test_variety_without_marker_gets_var(self):
        self.assertEqual(g.build_epithet_name("Galanthus nivalis", "redoutei", "VARIETY"),
                         "Galanthus nivalis var. redoutei")

    def test_subspecies(self):
        self.assertEqual(g.build_epithet_name("Galanthus nivalis", "caucasicus", "SUBSPECIES"),
                         "Galanthus nivalis caucasicus")


class Cleaning(unittest.TestCase):
    def test_clean(self):
        self.assertEqual(g.clean("  Southern River  Terrapin "), "Southern River Terrapin")
        self.assertEqual(g.clean("<i>Abronia</i>\tspp.\n"), "Abronia spp.")
        self.assertEqual(g.split_names("African Elephant, African Savannah Elephant"),
                         ["African Elephant", "African Savannah Elephant"])

    def test_short_terms(self):
        self.assertTrue(g.too_short("Ai"))
        self.assertFalse(g.too_short("象牙"))
        self.assertFalse(g.too_short("Aal"))

    def test_fold(self):
        self.assertEqual(g.fold("Éléphant"), "elephant")


if __name__ == "__main__":
    unittest.main()


class RussianWordOrder(unittest.TestCase):
    def test_swaps_two_word_names_that_start_with_an_adjective(self):
        import tempfile
        with tempfile.TemporaryDirectory() as root:
            curated = os.path.join(root, "curated")
            os.makedirs(curated)
            os.makedirs(os.path.join(root, "dictionary"))
            rows = [
                "term\tkind\ttaxon\trank\tappendix\tlang\tweight\tsource",
                "медвежья желчь\tproduct\tUrsidae\tFAMILY\tI/II\tru\t1.0\tx",
                "кость слоновая\tproduct\tElephantidae\tFAMILY\tI/II\tru\t1.0\tx",
                "слоновая кость\tproduct\tElephantidae\tFAMILY\tI/II\tru\t1.0\tx",
                "бивней слона\tproduct\tElephantidae\tFAMILY\tI/II\tru\t1.0\tx",
                "красный коралл\tproduct\tCorallium\tGENUS\t\tru\t0.5\tx",
                "красный\tcolour\t\t\t\tru\t1.0\tx",
                "black coral\tproduct\tAntipatharia\tORDER\tII\ten\t0.8\tx",
            ]
            with open(os.path.join(curated, "a.tsv"), "w", encoding="utf-8") as f:
                f.write("\n".join(rows) + "\n")
            gen = g.Gen.__new__(g.Gen)
            gen.dict_dir = os.path.join(root, "dictionary")
            gen.gen_ru_order()
            got = sorted((r[0], r[6]) for r in gen.ru_order_rows)
            # the noun first, at the name's weight; a swap already curated, a noun first, a
            # context word and another language are left alone
            self.assertEqual(got, [("желчь медвежья", "1.0"), ("коралл красный", "0.5")])


class GroupSharedNames(unittest.TestCase):
    def gen(self, taxa):
        gen = g.Gen.__new__(g.Gen)
        gen.taxa = taxa
        return gen

    @staticmethod
    def rec(name, rank, genus, family, order, cls, listing):
        return {"FullName": name, "RankName": rank, "Genus": genus, "Family": family,
                "Order": order, "Class": cls, "CurrentListing": listing}

    def test_a_name_of_three_taxa_names_their_shared_rank(self):
        taxa = {
            "Ariocarpus agavoides": self.rec("Ariocarpus agavoides", "SPECIES", "Ariocarpus",
                                             "Cactaceae", "Caryophyllales", "", "I"),
            "Astrophytum asterias": self.rec("Astrophytum asterias", "SPECIES", "Astrophytum",
                                             "Cactaceae", "Caryophyllales", "", "I"),
            "Aztekium ritteri": self.rec("Aztekium ritteri", "SPECIES", "Aztekium",
                                         "Cactaceae", "Caryophyllales", "", "I"),
            "Cactaceae": self.rec("Cactaceae", "FAMILY", "", "Cactaceae", "Caryophyllales",
                                  "", "II"),
        }
        rows = {("kaktus", "common", t, "SPECIES", "I", "cs", "0.7", "src")
                for t in ("Ariocarpus agavoides", "Astrophytum asterias", "Aztekium ritteri")}
        rows.add(("Pejotl", "common", "Aztekium ritteri", "SPECIES", "I", "cs", "0.7", "src"))
        out = self.gen(taxa).group_shared_names(rows, g.Counter())
        self.assertIn(("kaktus", "common", "Cactaceae", "FAMILY", "I/II", "cs", g.W_COMMON,
                       g.SRC_COMMON), out)
        self.assertIn(("Pejotl", "common", "Aztekium ritteri", "SPECIES", "I", "cs", "0.7",
                       "src"), out)
        self.assertEqual(len(out), 2)

    def test_a_group_not_listed_whole_holds_unlisted_species(self):
        taxa = {n: self.rec(n, "SPECIES", n.split()[0], f, "Testudines", "Reptilia", "II")
                for n, f in (("Kinixys belliana", "Testudinidae"),
                             ("Cuora amboinensis", "Geoemydidae"),
                             ("Podocnemis expansa", "Podocnemididae"))}
        rows = {("zelva", "common", t, "SPECIES", "II", "cs", "0.7", "src") for t in taxa}
        out = self.gen(taxa).group_shared_names(rows, g.Counter())
        self.assertEqual(out, {("zelva", "common", "Testudines", "ORDER", "II/NC", "cs",
                                g.W_COMMON, g.SRC_COMMON)})
