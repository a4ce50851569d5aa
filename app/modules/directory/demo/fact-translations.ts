/**
 * French and Arabic translations of the real clusters' facts (`reference-data/clusters.json`
 * gives them in English), keyed by their source. Translations only: the figures are the
 * sources', none added. A fact without its translations fails the demo directory's tests.
 */
export const FACT_TRANSLATIONS: Readonly<Record<string, { fr: string; ar: string }>> = {
  'https://www.algerie360.com/le-cluster-des-bijoutiers-de-batna-une-initiative-prometteuse/': {
    fr: "Bijoux traditionnels chaouis (Aurès) ; ancré à la Chambre de l'artisanat et des métiers (CAM) de Batna.",
    ar: 'مجوهرات شاوية تقليدية (الأوراس)؛ يرتكز على غرفة الصناعة التقليدية والحرف لولاية باتنة.',
  },
  'https://djazairess.com/fr/apsfr/432177': {
    fr: "Environ 700 artisans bijoutiers inscrits dans la wilaya ; un plan d'action en 19 points (matière première, poinçonnage, design, formation, technologie) ; lancé en mars 2015.",
    ar: 'نحو 700 حرفي صائغ مسجَّلين في الولاية؛ خطة عمل من 19 نقطة (المادة الأولية، الدمغ، التصميم، التكوين، التكنولوجيا)؛ انطلق في مارس 2015.',
  },
  'https://djazairess.com/fr/horizons/161034': {
    fr: 'Une centaine de dinandiers ont assisté au lancement du cluster.',
    ar: 'حضر نحو 100 حرفي نحّاس إطلاق العنقود.',
  },
  'http://eqtesady.com/site/index.php?go=news&more=111934': {
    fr: "Des meubles en cuir conçus lors d'un atelier de novembre 2015 avec 28 jeunes designers égyptiens ont été présentés au salon Furnex en février 2016.",
    ar: 'عُرضت في معرض فرنكس في فبراير 2016 قطع أثاث جلدية صُمّمت في ورشة عمل في نوفمبر 2015 شارك فيها 28 مصمماً مصرياً شاباً.',
  },
  'https://www.masress.com/veto/2479480': {
    fr: "Une boutique « Creative Egypt » a suivi ; 20 designers du cluster ont exposé au premier Salon international de l'artisanat.",
    ar: 'تلا ذلك افتتاح متجر «Creative Egypt»؛ وعرض 20 من مصممي العنقود أعمالهم في المعرض الدولي الأول للحرف اليدوية.',
  },
  'https://www.aics.gov.it/2018/23677/': {
    fr: 'Premier cluster créatif du secteur textile jordanien (fin 2015) ; sa collection « JO! by Creative Jordan », dessinée par une équipe de femmes jordaniennes, a fait revivre le point de broderie bédouin en losange.',
    ar: 'أول عنقود إبداعي في قطاع النسيج الأردني (نهاية 2015)؛ أحيت مجموعته «JO! by Creative Jordan»، التي صممها فريق من النساء الأردنيات، غرزة التطريز البدوية على شكل المعيَّن.',
  },
  'https://weeportal-lb.org/': {
    fr: 'Le quartier compte plus de 500 bijouteries et environ 60 % de la production de bijoux du Liban ; environ 220 boutiques ont été ciblées ; une boutique et un espace « Creative Lebanon » ont ouvert en juillet 2016.',
    ar: 'تضم المنطقة أكثر من 500 محل مجوهرات ونحو 60% من إنتاج المجوهرات في لبنان؛ استُهدف نحو 220 محلاً؛ وافتُتح متجر ومركز «Creative Lebanon» في يوليو 2016.',
  },
  'https://leconomiste.com/article/1031912-marrakech-laboratoire-de-clusters': {
    fr: 'Fondé en janvier 2016, surtout dans le quartier de Sidi Ghanem ; plus de 50 acteurs (boutiques, artisans, designers, décorateurs, centres de formation) ; a ensuite mené un programme maître-apprenti-designer.',
    ar: 'تأسس في يناير 2016، أساساً في حي سيدي غانم؛ يضم أكثر من 50 فاعلاً (متاجر، حرفيون، مصممون، مزخرفون، مراكز تكوين)؛ وأطلق لاحقاً برنامج «معلّم - متعلّم - مصمم».',
  },
  'http://unis.unvienna.org/unis/de/pressrels/2016/unisous360.html': {
    fr: "Piloté par la Chambre de commerce et d'industrie de Bethléem ; 30 membres, dont 75 % de femmes, environ 200 travailleurs ; premières ventes aux marchés de Noël de Vienne en 2016. Apprendre la sculpture sur bois d'olivier peut prendre jusqu'à six ans.",
    ar: 'تقوده الغرفة التجارية الصناعية في بيت لحم؛ 30 عضواً، 75% منهم نساء، ونحو 200 عامل؛ أولى المبيعات في أسواق عيد الميلاد في فيينا عام 2016. يستغرق تعلّم النحت على خشب الزيتون ما يصل إلى ست سنوات.',
  },
  'http://creativetunisia.tn/les-mosaistes-del-jem/': {
    fr: "Reproduction de mosaïques romaines de sol et de mur en pierre et en marbre ; une lettre d'accord a lié l'ONUDI et l'Office national de l'artisanat.",
    ar: 'إعادة إنتاج الفسيفساء الرومانية للأرضيات والجدران بالحجر والرخام؛ ربطت رسالة اتفاق بين اليونيدو والديوان الوطني للصناعات التقليدية.',
  },
  'https://fr.allafrica.com/stories/202206300883.html': {
    fr: "A commencé par les arts de la table en bois d'olivier, puis a ajouté la peinture fixée sous verre ; porté par l'Association Art de la table de Nabeul.",
    ar: 'بدأ بأدوات المائدة من خشب الزيتون ثم أضاف الرسم تحت الزجاج؛ تحمله جمعية فن المائدة بنابل.',
  },
};
