"""Common given names in German press texts: the anchor of a name without a role word.

Hand-written, not exhaustive: a name that is missing here is still found when a role word
stands before it ("Digitalstaatssekretärin …") or the keyword list names the person.
Words that are names and also ordinary words at a sentence start ("August", "Ernst") are
left out on purpose.
"""

_NAMES = """
    Achim Adam Adrian Alexander Alexandra Alfred Ali Alina Andrea Andreas Andrej Angela
    Angelika Anja Anke Anna Anne Annette Antje Anton Armin Arne Arnd Arnold Astrid Axel
    Barbara Beate Ben Benedikt Benjamin Bernd Bernhard Bettina Bianca Birgit Björn Bodo
    Boris Brigitte Britta Bruno Burkhard Carina Carl Carla Carmen Carola Carolin Caroline
    Carsten Caspar Charlotte Christa Christian Christiane Christina Christine Christoph
    Christopher Claudia Claus Clemens Conny Constanze Cornelia Daniel Daniela Dagmar David
    Denis Dennis Detlef Diana Dieter Dietmar Dirk Dominik Doris Dorothea Dorothee Eberhard
    Edgar Edith Egon Elena Elias Elisabeth Elke Ella Emil Emily Emma Enrico Erik Erika Erwin
    Esther Eva Fabian Falk Felix Florian Frank Franz Franziska Frauke Friederike Friedrich
    Fritz Gabi Gabriele Georg Gerd Gerda Gerhard Gert Gisela Götz Grit Gudrun Günter Günther
    Hagen Hanna Hannah Hannes Hans Harald Hartmut Heidi Heike Heiko Heinrich Heinz Helga
    Helmut Hendrik Henning Henrik Herbert Hermann Holger Horst Hubert Ilka Ilona Ines
    Ingo Ingrid Irene Iris Isabel Isabell Ivonne Jakob Jan Jana Janina Janine Jannik Jens
    Jessica Joachim Jochen Johann Johanna Johannes Jonas Jonathan Jörg Josef Julia Julian
    Juliane Jürgen Justus Jutta Kai Karen Karin Karl Karla Karsten Katharina Kathrin Katja
    Katrin Kerstin Kevin Kirsten Klaus Konrad Konstantin Kristin Kurt Lars Laura Lea Lena
    Leon Lisa Lothar Lucas Ludwig Luise Lukas Lutz Maik Maja Malte Manfred Mandy Manuel
    Manuela Marc Marcel Marco Marcus Mareike Margit Maria Marie Marina Mario Marion Marius
    Mark Marko Markus Marlene Martin Martina Matthias Max Maximilian Melanie Michael
    Michaela Mike Mirko Miriam Monika Moritz Nadine Nancy Natalie Nicole Niklas Nils Nina
    Norbert Olaf Oliver Oskar Patricia Patrick Paul Paula Peggy Peter Petra Philipp Pia
    Rainer Ralf Ralph Ramona Regina Reinhard Renate René Richard Robert Roland Rolf Roman
    Ronald Ronny Rüdiger Rudolf Ruth Sabine Sabrina Sandra Sandro Sarah Sascha Sebastian
    Silke Simon Simone Sonja Sophie Stefan Stefanie Steffen Steffi Stephan Stephanie
    Susanne Sven Svenja Swen Tanja Thilo Thomas Thorsten Tilo Tim Timo Tina Tobias Tom
    Torsten Ulf Ulrich Ulrike Uta Ute Uwe Valentina Vanessa Vera Veronika Viktor Volker
    Walter Werner Wilfried Wilhelm Willi Wolfgang Yvonne
    Cathleen Kathleen Sindy Silvio Madeleine Irina Knut Doreen Denise Jeannette Kristina
    """
GIVEN_NAMES = frozenset(_NAMES.split())
