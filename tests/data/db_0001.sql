PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO alembic_version VALUES('0001');
CREATE TABLE actors (
	id INTEGER NOT NULL, 
	canonical_name VARCHAR(255) NOT NULL, 
	type VARCHAR(32) NOT NULL, 
	country VARCHAR(3), 
	role VARCHAR(100), 
	CONSTRAINT pk_actors PRIMARY KEY (id), 
	CONSTRAINT uq_actors_canonical_name_country UNIQUE (canonical_name, country)
);
INSERT INTO actors VALUES(1,'Vladimir Putin','person','RUS','president');
INSERT INTO actors VALUES(2,'Syria','country','SYR',NULL);
INSERT INTO actors VALUES(3,'Turkey','country','TUR',NULL);
INSERT INTO actors VALUES(4,'Egypt','country','EGY',NULL);
INSERT INTO actors VALUES(5,'Bashar al Assad','person','SYR','president');
INSERT INTO actors VALUES(6,'Russia','country','RUS',NULL);
INSERT INTO actors VALUES(7,'Islamic militants','group',NULL,NULL);
INSERT INTO actors VALUES(8,'Abdel Fattah el Sissi','person','EGY','president');
INSERT INTO actors VALUES(9,'Donald Trump','person','USA','president');
INSERT INTO actors VALUES(10,'Israel','country','ISR',NULL);
INSERT INTO actors VALUES(11,'Palestinians','group','PSE',NULL);
INSERT INTO actors VALUES(12,'Ghassan Salameh','person',NULL,'envoy');
INSERT INTO actors VALUES(13,'Wang Yi','person','CHN','foreign minister');
INSERT INTO actors VALUES(14,'South Korea','country','KOR',NULL);
INSERT INTO actors VALUES(15,'Cho Tae-yul','person','KOR','counterpart');
INSERT INTO actors VALUES(16,'China','country','CHN',NULL);
INSERT INTO actors VALUES(17,'Han Duck-soo','person','KOR','prime minister');
INSERT INTO actors VALUES(18,'Yoon Suk Yeol','person','KOR','president');
INSERT INTO actors VALUES(19,'North Korea','country','PRK',NULL);
INSERT INTO actors VALUES(20,'Japan','country','JPN',NULL);
INSERT INTO actors VALUES(21,'Shigeru Ishiba','person','JPN','prime minister');
INSERT INTO actors VALUES(22,'United States','government','USA',NULL);
INSERT INTO actors VALUES(23,'European Union','igo',NULL,NULL);
INSERT INTO actors VALUES(24,'Venezuelan officials','government','VEN',NULL);
INSERT INTO actors VALUES(25,'Kaja Kallas','person',NULL,'high representative');
INSERT INTO actors VALUES(26,'Venezuela','country','VEN',NULL);
INSERT INTO actors VALUES(27,'Yvan Gil','person','VEN','foreign minister');
INSERT INTO actors VALUES(28,'Marco Rubio','person','USA','foreign minister');
INSERT INTO actors VALUES(29,'Jose Manuel Albares','person','ESP','foreign minister');
INSERT INTO actors VALUES(30,'Spain','government','ESP',NULL);
INSERT INTO actors VALUES(31,'Edmundo Gonzalez','person','VEN',NULL);
INSERT INTO actors VALUES(32,'Nicolas Maduro','person','VEN','president');
INSERT INTO actors VALUES(33,'Maros Sefcovic','person',NULL,'chief');
INSERT INTO actors VALUES(34,'Marcelo Ebrard','person','MEX',NULL);
INSERT INTO actors VALUES(35,'Claudia Sheinbaum','person','MEX','president');
CREATE TABLE articles (
	id INTEGER NOT NULL, 
	content_hash VARCHAR(64) NOT NULL, 
	external_id VARCHAR(255), 
	title VARCHAR(500), 
	url VARCHAR(2000), 
	published DATE, 
	text TEXT NOT NULL, 
	ingested_at DATETIME NOT NULL, 
	CONSTRAINT pk_articles PRIMARY KEY (id), 
	CONSTRAINT uq_articles_content_hash UNIQUE (content_hash)
);
INSERT INTO articles VALUES(1,'2df5e15ef44d523a200c25f2907f24d5f72e7ae4ed1cee610ad2cd0108d86d90','putin-syria-egypt-2017-12-11','Putin visits Syria, Egypt and Turkey; announces partial withdrawal from Syria',NULL,'2017-12-11',replace('Russian President Vladimir Putin has indicated he has ordered his military to withdraw a "significant part" of Russia''s forces from Syria, after regaining control of most of the country. Russia would now focus on talks between the Syrian opposition and the government.\nRussian President Vladimir Putin made stops Monday in Turkey, Syria and Egypt to cover a broad range of political, economic and military topics during meetings with the leaders of all three countries.\nDuring a Cairo news conference, Putin announced what he called Russia''s withdrawal of a "significant" portion of its military forces operating in Syria.\nPutin said the Russian military, with the backing of Russian airpower, is close to regaining control of all of Syria and the goals of the Russian military had been met for the most part.\nThe Russian president noted Moscow would now concentrate on the ongoing Syrian "national dialogue," and requested Egypt''s support in helping to bring the various parties together.\nPutin''s visit to Cairo followed an unexpected stop at Russia''s Hemeimeem airbase in Latakia, Syria, where he met with Syrian President Bashar al Assad. Syrian media reported Assad thanked Putin for Russia''s "role in fighting terrorism in Syria."\nThe Russian president also vowed to help Egypt fight terrorism, referring to a draft military agreement that had been signed by Russian Defense Minister Sergei Shoigu, during a late November visit to Cairo.\nHe said Egypt and Russia have agreed to increase the scope of their military cooperation and above all to strengthen the capabilities of the Egyptian military in fighting terrorism.\nEgypt has been battling Islamic militants along its long and porous border with Libya and in the northern Sinai. Terrorist attacks against civilian and military targets have caused a large number of casualties and major economic damage during the past year.\nEgyptian President Abdel Fattah el Sissi and Putin both criticized the decision by U.S. President Donald Trump to move the U.S. Embassy in Israel from Tel Aviv to Jerusalem.\nSissi spoke of "dangerous consequences" of the decision, while Putin called for a "prompt resumption of peace talks between Israel and the Palestinians," saying they must be "based on prior international agreements and resolutions."\nBoth presidents also expressed support for mediation efforts in Libya by U.N. envoy Ghassan Salameh, including plans to hold new elections next year.','\n',char(10)),'2026-12-03 08:03:53.588079');
INSERT INTO articles VALUES(2,'783caa8a4bb1006df6772ffb861fce366181c769a4768832a60e5b4a676b20de','dev-eastasia-wang-seoul-nk-launch','dev-eastasia-wang-seoul-nk-launch',NULL,'2024-10-22',replace('SEOUL, Oct 22 - Chinese Foreign Minister Wang Yi arrived in Seoul on Tuesday on his first visit to South Korea in nearly three years, as Beijing seeks to steady a relationship strained by Seoul''s deepening security ties with Washington and Tokyo.\nWang held more than two hours of talks with his South Korean counterpart, Cho Tae-yul, and the two ministers agreed to revive a vice-ministerial strategic dialogue that has been dormant since 2020, South Korea''s foreign ministry said in a statement.\nCho urged Beijing to play a "constructive role" in curbing North Korea''s nuclear and missile programmes and asked China to use its influence over Pyongyang, the statement said. He also raised the case of a South Korean citizen detained in China since last year on espionage charges.\nWang was hosted by Prime Minister Han Duck-soo at a luncheon, but did not meet President Yoon Suk Yeol, whose office cited scheduling conflicts. Some analysts in Seoul said the absence of a meeting with Yoon pointed to lingering mistrust on both sides.\nHours before the talks began, North Korea fired a ballistic missile off its east coast, South Korea''s Joint Chiefs of Staff said. The missile flew about 800 km (500 miles) before falling into the sea between the Korean peninsula and Japan, outside Japan''s exclusive economic zone, according to Tokyo''s defence ministry.\nSeoul condemned the launch as a "grave provocation" that violated U.N. Security Council resolutions and urged Pyongyang to immediately stop actions that raise tensions on the peninsula.\nTokyo lodged a protest with North Korea through diplomatic channels in Beijing, Chief Cabinet Secretary Yoshimasa Hayashi told reporters. Japanese Prime Minister Shigeru Ishiba called the launch "absolutely unacceptable" and said his government would keep gathering and analysing information on the flight.\nWang refused to condemn the launch when asked by reporters, saying only that China hoped "all parties" would remain calm and avoid steps that could escalate tensions. A Chinese foreign ministry spokesman in Beijing later described China''s position on the peninsula as "consistent and clear".\nIn a joint statement issued late on Tuesday, the top diplomats of South Korea, Japan and the United States denounced the launch and pledged to deepen trilateral security cooperation, including the real-time sharing of missile warning data.\nWang also criticised Washington''s plan to deploy an intermediate-range missile system in Japan, saying it would "seriously undermine" regional strategic stability, and warned that Beijing would take "resolute countermeasures" if the deployment went ahead.\nIshiba and Yoon are expected to hold talks on the sidelines of the Asia-Pacific Economic Cooperation summit in Lima next month, officials in both capitals said, in what would be their first formal meeting since Ishiba took office on Oct. 1.\nWang''s visit to Seoul follows Cho''s trip to Beijing in May, when the two ministers agreed to step up exchanges after years of friction over a U.S. missile defence system deployed in South Korea in 2017.','\n',char(10)),'2026-12-03 08:03:53.924908');
INSERT INTO articles VALUES(3,'436e1b2c5403987ae6dd4ad26f50959f6c849e743926ecd4c33463425d7ddf40','dev-europe-eu-venezuela-sanctions','dev-europe-eu-venezuela-sanctions',NULL,'2025-01-28',replace('BRUSSELS, Jan 27 - European Union foreign ministers on Monday imposed sanctions on 15 Venezuelan officials, including members of the national electoral council and senior security commanders, accusing them of undermining democracy and cracking down on protesters after last year''s disputed presidential election.\nThe asset freezes and travel bans were agreed at a meeting in Brussels chaired by EU foreign policy chief Kaja Kallas, who demanded that Caracas free all political prisoners and allow an independent review of the vote. "The Venezuelan people deserve to have their vote respected," Kallas told reporters.\nCaracas responded within hours. Foreign Minister Yvan Gil denounced the measures as "illegal, interventionist and colonial" and said the government had ordered the EU''s ambassador to leave the country within 72 hours.\nGil also denied that the government was holding political prisoners, saying those detained after the July election had been lawfully charged with terrorism and incitement to hatred.\nIn Washington, U.S. Secretary of State Marco Rubio praised the EU''s decision as "a strong signal of transatlantic unity" and said the United States would coordinate further steps against Nicolas Maduro''s government with its European partners.\nRubio later held talks at the State Department with Spanish Foreign Minister Jose Manuel Albares, whose government granted asylum in September to Venezuelan opposition candidate Edmundo Gonzalez. The two discussed Venezuela, migration and defence spending within NATO, a State Department spokesperson said.\nMaduro, who was sworn in for a third six-year term on Jan. 10, accused Madrid of harbouring "fascist conspirators" and threatened to review diplomatic and commercial relations with Spain.\nGonzalez, speaking in Madrid, thanked EU governments for their "firmness" and urged Latin American leaders to step up pressure on Caracas.\nSeparately, EU trade chief Maros Sefcovic and Mexican Economy Secretary Marcelo Ebrard signed a joint declaration in Brussels concluding negotiations on a modernised EU-Mexico trade agreement, which will remove tariffs on most Mexican farm exports to the bloc.\nMexican President Claudia Sheinbaum hailed the accord as "excellent news" at her daily news conference, saying it would help Mexico diversify its trade at a time of U.S. threats to impose tariffs on Mexican goods.\nEU diplomats said the Venezuela sanctions would be reviewed in January 2026 and could be lifted if Caracas took credible steps towards a negotiated political transition.','\n',char(10)),'2026-12-03 08:03:54.215474');
CREATE TABLE ingest_runs (
	id INTEGER NOT NULL, 
	started_at DATETIME NOT NULL, 
	finished_at DATETIME, 
	articles_added INTEGER NOT NULL, 
	articles_skipped INTEGER NOT NULL, 
	events_added INTEGER NOT NULL, 
	extractor_version VARCHAR(64) NOT NULL, 
	CONSTRAINT pk_ingest_runs PRIMARY KEY (id)
);
INSERT INTO ingest_runs VALUES(1,'2026-12-03 08:03:49.241277','2026-12-03 08:03:54.406704',3,0,56,'rules-0.1');
CREATE TABLE actor_aliases (
	id INTEGER NOT NULL, 
	actor_id INTEGER NOT NULL, 
	alias VARCHAR(255) NOT NULL, 
	CONSTRAINT pk_actor_aliases PRIMARY KEY (id), 
	CONSTRAINT fk_actor_aliases_actor_id_actors FOREIGN KEY(actor_id) REFERENCES actors (id) ON DELETE CASCADE, 
	CONSTRAINT uq_actor_aliases_actor_id_alias UNIQUE (actor_id, alias)
);
INSERT INTO actor_aliases VALUES(1,1,'putin');
INSERT INTO actor_aliases VALUES(2,1,'vladimir putin');
INSERT INTO actor_aliases VALUES(3,2,'syria');
INSERT INTO actor_aliases VALUES(4,3,'turkey');
INSERT INTO actor_aliases VALUES(5,4,'egypt');
INSERT INTO actor_aliases VALUES(6,4,'cairo');
INSERT INTO actor_aliases VALUES(7,5,'assad');
INSERT INTO actor_aliases VALUES(8,5,'bashar al assad');
INSERT INTO actor_aliases VALUES(9,6,'russia');
INSERT INTO actor_aliases VALUES(10,7,'islamic militants');
INSERT INTO actor_aliases VALUES(11,8,'abdel fattah el sissi');
INSERT INTO actor_aliases VALUES(12,8,'sissi');
INSERT INTO actor_aliases VALUES(13,9,'donald trump');
INSERT INTO actor_aliases VALUES(14,9,'trump');
INSERT INTO actor_aliases VALUES(15,10,'israel');
INSERT INTO actor_aliases VALUES(16,11,'palestinians');
INSERT INTO actor_aliases VALUES(17,12,'ghassan salameh');
INSERT INTO actor_aliases VALUES(18,12,'salameh');
INSERT INTO actor_aliases VALUES(19,13,'wang yi');
INSERT INTO actor_aliases VALUES(20,13,'yi');
INSERT INTO actor_aliases VALUES(21,14,'seoul');
INSERT INTO actor_aliases VALUES(22,14,'south korea');
INSERT INTO actor_aliases VALUES(23,15,'cho');
INSERT INTO actor_aliases VALUES(24,15,'cho tae yul');
INSERT INTO actor_aliases VALUES(25,15,'tae yul');
INSERT INTO actor_aliases VALUES(26,16,'beijing');
INSERT INTO actor_aliases VALUES(27,16,'china');
INSERT INTO actor_aliases VALUES(28,17,'duck soo');
INSERT INTO actor_aliases VALUES(29,17,'han duck soo');
INSERT INTO actor_aliases VALUES(30,18,'yeol');
INSERT INTO actor_aliases VALUES(31,18,'yoon');
INSERT INTO actor_aliases VALUES(32,18,'yoon suk yeol');
INSERT INTO actor_aliases VALUES(33,19,'north korea');
INSERT INTO actor_aliases VALUES(34,19,'pyongyang');
INSERT INTO actor_aliases VALUES(35,20,'japan');
INSERT INTO actor_aliases VALUES(36,20,'tokyo');
INSERT INTO actor_aliases VALUES(37,21,'ishiba');
INSERT INTO actor_aliases VALUES(38,21,'shigeru ishiba');
INSERT INTO actor_aliases VALUES(39,14,'top diplomats');
INSERT INTO actor_aliases VALUES(40,22,'united states');
INSERT INTO actor_aliases VALUES(41,22,'washington');
INSERT INTO actor_aliases VALUES(42,23,'european union');
INSERT INTO actor_aliases VALUES(43,23,'european union foreign ministers');
INSERT INTO actor_aliases VALUES(44,24,'venezuelan officials');
INSERT INTO actor_aliases VALUES(45,25,'kaja kallas');
INSERT INTO actor_aliases VALUES(46,25,'kallas');
INSERT INTO actor_aliases VALUES(47,26,'caracas');
INSERT INTO actor_aliases VALUES(48,26,'venezuela');
INSERT INTO actor_aliases VALUES(49,27,'gil');
INSERT INTO actor_aliases VALUES(50,27,'yvan gil');
INSERT INTO actor_aliases VALUES(51,28,'marco rubio');
INSERT INTO actor_aliases VALUES(52,28,'rubio');
INSERT INTO actor_aliases VALUES(53,23,'eu');
INSERT INTO actor_aliases VALUES(54,29,'albares');
INSERT INTO actor_aliases VALUES(55,29,'jose manuel albares');
INSERT INTO actor_aliases VALUES(56,30,'spain');
INSERT INTO actor_aliases VALUES(57,30,'whose government');
INSERT INTO actor_aliases VALUES(58,31,'edmundo gonzalez');
INSERT INTO actor_aliases VALUES(59,31,'gonzalez');
INSERT INTO actor_aliases VALUES(60,32,'maduro');
INSERT INTO actor_aliases VALUES(61,32,'nicolas maduro');
INSERT INTO actor_aliases VALUES(62,30,'madrid');
INSERT INTO actor_aliases VALUES(63,23,'eu governments');
INSERT INTO actor_aliases VALUES(64,33,'maros sefcovic');
INSERT INTO actor_aliases VALUES(65,33,'sefcovic');
INSERT INTO actor_aliases VALUES(66,34,'ebrard');
INSERT INTO actor_aliases VALUES(67,34,'marcelo ebrard');
INSERT INTO actor_aliases VALUES(68,35,'claudia sheinbaum');
INSERT INTO actor_aliases VALUES(69,35,'sheinbaum');
CREATE TABLE sentences (
	id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	"index" INTEGER NOT NULL, 
	paragraph INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	start_char INTEGER NOT NULL, 
	end_char INTEGER NOT NULL, 
	CONSTRAINT pk_sentences PRIMARY KEY (id), 
	CONSTRAINT fk_sentences_article_id_articles FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE, 
	CONSTRAINT uq_sentences_article_id_index UNIQUE (article_id, "index")
);
INSERT INTO sentences VALUES(1,1,0,0,'Russian President Vladimir Putin has indicated he has ordered his military to withdraw a "significant part" of Russia''s forces from Syria, after regaining control of most of the country.',0,186);
INSERT INTO sentences VALUES(2,1,1,0,'Russia would now focus on talks between the Syrian opposition and the government.',187,268);
INSERT INTO sentences VALUES(3,1,2,1,'Russian President Vladimir Putin made stops Monday in Turkey, Syria and Egypt to cover a broad range of political, economic and military topics during meetings with the leaders of all three countries.',269,469);
INSERT INTO sentences VALUES(4,1,3,2,'During a Cairo news conference, Putin announced what he called Russia''s withdrawal of a "significant" portion of its military forces operating in Syria.',470,622);
INSERT INTO sentences VALUES(5,1,4,3,'Putin said the Russian military, with the backing of Russian airpower, is close to regaining control of all of Syria and the goals of the Russian military had been met for the most part.',623,809);
INSERT INTO sentences VALUES(6,1,5,4,'The Russian president noted Moscow would now concentrate on the ongoing Syrian "national dialogue," and requested Egypt''s support in helping to bring the various parties together.',810,989);
INSERT INTO sentences VALUES(7,1,6,5,'Putin''s visit to Cairo followed an unexpected stop at Russia''s Hemeimeem airbase in Latakia, Syria, where he met with Syrian President Bashar al Assad.',990,1141);
INSERT INTO sentences VALUES(8,1,7,5,'Syrian media reported Assad thanked Putin for Russia''s "role in fighting terrorism in Syria."',1142,1235);
INSERT INTO sentences VALUES(9,1,8,6,'The Russian president also vowed to help Egypt fight terrorism, referring to a draft military agreement that had been signed by Russian Defense Minister Sergei Shoigu, during a late November visit to Cairo.',1236,1442);
INSERT INTO sentences VALUES(10,1,9,7,'He said Egypt and Russia have agreed to increase the scope of their military cooperation and above all to strengthen the capabilities of the Egyptian military in fighting terrorism.',1443,1624);
INSERT INTO sentences VALUES(11,1,10,8,'Egypt has been battling Islamic militants along its long and porous border with Libya and in the northern Sinai.',1625,1737);
INSERT INTO sentences VALUES(12,1,11,8,'Terrorist attacks against civilian and military targets have caused a large number of casualties and major economic damage during the past year.',1738,1882);
INSERT INTO sentences VALUES(13,1,12,9,'Egyptian President Abdel Fattah el Sissi and Putin both criticized the decision by U.S. President Donald Trump to move the U.S. Embassy in Israel from Tel Aviv to Jerusalem.',1883,2056);
INSERT INTO sentences VALUES(14,1,13,10,'Sissi spoke of "dangerous consequences" of the decision, while Putin called for a "prompt resumption of peace talks between Israel and the Palestinians," saying they must be "based on prior international agreements and resolutions."',2057,2289);
INSERT INTO sentences VALUES(15,1,14,11,'Both presidents also expressed support for mediation efforts in Libya by U.N. envoy Ghassan Salameh, including plans to hold new elections next year.',2290,2439);
INSERT INTO sentences VALUES(16,2,0,0,'Chinese Foreign Minister Wang Yi arrived in Seoul on Tuesday on his first visit to South Korea in nearly three years, as Beijing seeks to steady a relationship strained by Seoul''s deepening security ties with Washington and Tokyo.',16,246);
INSERT INTO sentences VALUES(17,2,1,1,'Wang held more than two hours of talks with his South Korean counterpart, Cho Tae-yul, and the two ministers agreed to revive a vice-ministerial strategic dialogue that has been dormant since 2020, South Korea''s foreign ministry said in a statement.',247,496);
INSERT INTO sentences VALUES(18,2,2,2,'Cho urged Beijing to play a "constructive role" in curbing North Korea''s nuclear and missile programmes and asked China to use its influence over Pyongyang, the statement said.',497,673);
INSERT INTO sentences VALUES(19,2,3,2,'He also raised the case of a South Korean citizen detained in China since last year on espionage charges.',674,779);
INSERT INTO sentences VALUES(20,2,4,3,'Wang was hosted by Prime Minister Han Duck-soo at a luncheon, but did not meet President Yoon Suk Yeol, whose office cited scheduling conflicts.',780,924);
INSERT INTO sentences VALUES(21,2,5,3,'Some analysts in Seoul said the absence of a meeting with Yoon pointed to lingering mistrust on both sides.',925,1032);
INSERT INTO sentences VALUES(22,2,6,4,'Hours before the talks began, North Korea fired a ballistic missile off its east coast, South Korea''s Joint Chiefs of Staff said.',1033,1162);
INSERT INTO sentences VALUES(23,2,7,4,'The missile flew about 800 km (500 miles) before falling into the sea between the Korean peninsula and Japan, outside Japan''s exclusive economic zone, according to Tokyo''s defence ministry.',1163,1352);
INSERT INTO sentences VALUES(24,2,8,5,'Seoul condemned the launch as a "grave provocation" that violated U.N. Security Council resolutions and urged Pyongyang to immediately stop actions that raise tensions on the peninsula.',1353,1538);
INSERT INTO sentences VALUES(25,2,9,6,'Tokyo lodged a protest with North Korea through diplomatic channels in Beijing, Chief Cabinet Secretary Yoshimasa Hayashi told reporters.',1539,1676);
INSERT INTO sentences VALUES(26,2,10,6,'Japanese Prime Minister Shigeru Ishiba called the launch "absolutely unacceptable" and said his government would keep gathering and analysing information on the flight.',1677,1845);
INSERT INTO sentences VALUES(27,2,11,7,'Wang refused to condemn the launch when asked by reporters, saying only that China hoped "all parties" would remain calm and avoid steps that could escalate tensions.',1846,2012);
INSERT INTO sentences VALUES(28,2,12,7,'A Chinese foreign ministry spokesman in Beijing later described China''s position on the peninsula as "consistent and clear".',2013,2137);
INSERT INTO sentences VALUES(29,2,13,8,'In a joint statement issued late on Tuesday, the top diplomats of South Korea, Japan and the United States denounced the launch and pledged to deepen trilateral security cooperation, including the real-time sharing of missile warning data.',2138,2377);
INSERT INTO sentences VALUES(30,2,14,9,'Wang also criticised Washington''s plan to deploy an intermediate-range missile system in Japan, saying it would "seriously undermine" regional strategic stability, and warned that Beijing would take "resolute countermeasures" if the deployment went ahead.',2378,2633);
INSERT INTO sentences VALUES(31,2,15,10,'Ishiba and Yoon are expected to hold talks on the sidelines of the Asia-Pacific Economic Cooperation summit in Lima next month, officials in both capitals said, in what would be their first formal meeting since Ishiba took office on Oct. 1.',2634,2874);
INSERT INTO sentences VALUES(32,2,16,11,'Wang''s visit to Seoul follows Cho''s trip to Beijing in May, when the two ministers agreed to step up exchanges after years of friction over a U.S. missile defence system deployed in South Korea in 2017.',2875,3077);
INSERT INTO sentences VALUES(33,3,0,0,'European Union foreign ministers on Monday imposed sanctions on 15 Venezuelan officials, including members of the national electoral council and senior security commanders, accusing them of undermining democracy and cracking down on protesters after last year''s disputed presidential election.',19,312);
INSERT INTO sentences VALUES(34,3,1,1,'The asset freezes and travel bans were agreed at a meeting in Brussels chaired by EU foreign policy chief Kaja Kallas, who demanded that Caracas free all political prisoners and allow an independent review of the vote.',313,531);
INSERT INTO sentences VALUES(35,3,2,1,'"The Venezuelan people deserve to have their vote respected," Kallas told reporters.',532,616);
INSERT INTO sentences VALUES(36,3,3,2,'Caracas responded within hours.',617,648);
INSERT INTO sentences VALUES(37,3,4,2,'Foreign Minister Yvan Gil denounced the measures as "illegal, interventionist and colonial" and said the government had ordered the EU''s ambassador to leave the country within 72 hours.',649,834);
INSERT INTO sentences VALUES(38,3,5,3,'Gil also denied that the government was holding political prisoners, saying those detained after the July election had been lawfully charged with terrorism and incitement to hatred.',835,1016);
INSERT INTO sentences VALUES(39,3,6,4,'In Washington, U.S. Secretary of State Marco Rubio praised the EU''s decision as "a strong signal of transatlantic unity" and said the United States would coordinate further steps against Nicolas Maduro''s government with its European partners.',1017,1259);
INSERT INTO sentences VALUES(40,3,7,5,'Rubio later held talks at the State Department with Spanish Foreign Minister Jose Manuel Albares, whose government granted asylum in September to Venezuelan opposition candidate Edmundo Gonzalez.',1260,1455);
INSERT INTO sentences VALUES(41,3,8,5,'The two discussed Venezuela, migration and defence spending within NATO, a State Department spokesperson said.',1456,1566);
INSERT INTO sentences VALUES(42,3,9,6,'Maduro, who was sworn in for a third six-year term on Jan. 10, accused Madrid of harbouring "fascist conspirators" and threatened to review diplomatic and commercial relations with Spain.',1567,1754);
INSERT INTO sentences VALUES(43,3,10,7,'Gonzalez, speaking in Madrid, thanked EU governments for their "firmness" and urged Latin American leaders to step up pressure on Caracas.',1755,1893);
INSERT INTO sentences VALUES(44,3,11,8,'Separately, EU trade chief Maros Sefcovic and Mexican Economy Secretary Marcelo Ebrard signed a joint declaration in Brussels concluding negotiations on a modernised EU-Mexico trade agreement, which will remove tariffs on most Mexican farm exports to the bloc.',1894,2154);
INSERT INTO sentences VALUES(45,3,12,9,'Mexican President Claudia Sheinbaum hailed the accord as "excellent news" at her daily news conference, saying it would help Mexico diversify its trade at a time of U.S. threats to impose tariffs on Mexican goods.',2155,2368);
INSERT INTO sentences VALUES(46,3,13,10,'EU diplomats said the Venezuela sanctions would be reviewed in January 2026 and could be lifted if Caracas took credible steps towards a negotiated political transition.',2369,2538);
CREATE TABLE events (
	id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	sentence_id INTEGER NOT NULL, 
	source_actor_id INTEGER NOT NULL, 
	target_actor_id INTEGER NOT NULL, 
	action VARCHAR(100) NOT NULL, 
	cameo_code VARCHAR(4) NOT NULL, 
	goldstein FLOAT NOT NULL, 
	quad_class INTEGER NOT NULL, 
	negated BOOLEAN NOT NULL, 
	modality VARCHAR(16) NOT NULL, 
	event_date DATE, 
	location VARCHAR(255), 
	"trigger" VARCHAR(255) NOT NULL, 
	confidence FLOAT NOT NULL, 
	CONSTRAINT pk_events PRIMARY KEY (id), 
	CONSTRAINT fk_events_article_id_articles FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE, 
	CONSTRAINT fk_events_sentence_id_sentences FOREIGN KEY(sentence_id) REFERENCES sentences (id) ON DELETE CASCADE, 
	CONSTRAINT fk_events_source_actor_id_actors FOREIGN KEY(source_actor_id) REFERENCES actors (id), 
	CONSTRAINT fk_events_target_actor_id_actors FOREIGN KEY(target_actor_id) REFERENCES actors (id)
);
INSERT INTO events VALUES(1,1,1,1,2,'withdraw','087',9.0,2,0,'asserted','2017-12-11',NULL,'withdraw',0.54000000000000003552);
INSERT INTO events VALUES(2,1,3,1,3,'stop','042',1.8999999999999999111,1,0,'asserted','2017-12-11',NULL,'made stops',0.70999999999999996447);
INSERT INTO events VALUES(3,1,3,1,2,'stop','042',1.8999999999999999111,1,0,'asserted','2017-12-11',NULL,'made stops',0.70999999999999996447);
INSERT INTO events VALUES(4,1,3,1,4,'stop','042',1.8999999999999999111,1,0,'asserted','2017-12-11',NULL,'made stops',0.70999999999999996447);
INSERT INTO events VALUES(5,1,6,1,4,'request','020',3.0,1,0,'requested',NULL,NULL,'requested',0.6500000000000000222);
INSERT INTO events VALUES(6,1,7,1,4,'visit','042',1.8999999999999999111,1,0,'asserted','2017-12-11','Cairo','visit',0.84999999999999997779);
INSERT INTO events VALUES(7,1,7,1,5,'meet','040',1.0,1,0,'asserted','2017-12-11',NULL,'met with',0.70999999999999996447);
INSERT INTO events VALUES(8,1,8,5,1,'thank','051',3.3999999999999999111,1,0,'reported','2017-12-11',NULL,'thanked',0.9000000000000000222);
INSERT INTO events VALUES(9,1,9,1,4,'vow','030',4.0,1,0,'intended',NULL,NULL,'vowed',0.6899999999999999467);
INSERT INTO events VALUES(10,1,9,1,4,'visit','042',1.8999999999999999111,1,0,'asserted','2017-11-25','Cairo','referring visit',0.6899999999999999467);
INSERT INTO events VALUES(11,1,10,4,6,'agree','030',4.0,1,0,'intended',NULL,NULL,'agreed',0.76000000000000000888);
INSERT INTO events VALUES(12,1,11,4,7,'battle','190',-10.0,4,0,'asserted','2017-12-11',NULL,'battling',0.71999999999999997335);
INSERT INTO events VALUES(13,1,13,8,9,'criticize','111',-2.0,3,0,'asserted','2017-12-11',NULL,'criticized',0.81000000000000005329);
INSERT INTO events VALUES(14,1,13,1,9,'criticize','111',-2.0,3,0,'asserted','2017-12-11',NULL,'criticized',0.81000000000000005329);
INSERT INTO events VALUES(15,1,14,1,10,'call','020',3.0,1,0,'requested',NULL,NULL,'called for',0.6500000000000000222);
INSERT INTO events VALUES(16,1,14,1,11,'call','020',3.0,1,0,'requested',NULL,NULL,'called for',0.57999999999999996003);
INSERT INTO events VALUES(17,1,15,1,12,'support','051',3.3999999999999999111,1,0,'asserted','2017-12-11',NULL,'expressed support',0.64000000000000001332);
INSERT INTO events VALUES(18,1,15,8,12,'support','051',3.3999999999999999111,1,0,'asserted','2017-12-11',NULL,'expressed support',0.64000000000000001332);
INSERT INTO events VALUES(19,2,16,13,14,'arrive','042',1.8999999999999999111,1,0,'asserted','2024-10-22','Seoul','arrived in',0.66000000000000003108);
INSERT INTO events VALUES(20,2,16,13,14,'visit','042',1.8999999999999999111,1,0,'asserted','2024-10-22',NULL,'visit',0.68000000000000004884);
INSERT INTO events VALUES(21,2,17,13,15,'talk','040',1.0,1,0,'asserted','2024-10-22',NULL,'held talks',0.71999999999999997335);
INSERT INTO events VALUES(22,2,17,13,15,'agree','030',4.0,1,0,'intended',NULL,NULL,'agreed',0.64000000000000001332);
INSERT INTO events VALUES(23,2,18,15,16,'urge','020',3.0,1,0,'requested',NULL,NULL,'urged',0.84999999999999997779);
INSERT INTO events VALUES(24,2,18,15,16,'ask','020',3.0,1,0,'requested',NULL,NULL,'asked',0.54000000000000003552);
INSERT INTO events VALUES(25,2,20,17,13,'host','043',2.7999999999999998223,1,0,'asserted','2024-10-22',NULL,'hosted',0.77000000000000001776);
INSERT INTO events VALUES(26,2,20,13,18,'meet','040',1.0,1,1,'asserted','2024-10-22',NULL,'meet',0.72999999999999998223);
INSERT INTO events VALUES(27,2,24,14,19,'condemn','111',-2.0,3,0,'asserted','2024-10-22',NULL,'condemned',0.66000000000000003108);
INSERT INTO events VALUES(28,2,24,14,19,'urge','020',3.0,1,0,'requested',NULL,NULL,'urged',0.77000000000000001776);
INSERT INTO events VALUES(29,2,25,20,19,'protest','114',-2.0,3,0,'asserted','2024-10-22',NULL,'lodged protest',0.66000000000000003108);
INSERT INTO events VALUES(30,2,26,21,19,'unacceptable','111',-2.0,3,0,'asserted','2024-10-22',NULL,'called',0.56000000000000005329);
INSERT INTO events VALUES(31,2,27,13,19,'condemn','111',-2.0,3,1,'asserted','2024-10-22',NULL,'condemn',0.66000000000000003108);
INSERT INTO events VALUES(32,2,29,14,19,'denounce','111',-2.0,3,0,'asserted','2024-10-22',NULL,'denounced',0.66000000000000003108);
INSERT INTO events VALUES(33,2,29,20,19,'denounce','111',-2.0,3,0,'asserted','2024-10-22',NULL,'denounced',0.66000000000000003108);
INSERT INTO events VALUES(34,2,29,22,19,'denounce','111',-2.0,3,0,'asserted','2024-10-22',NULL,'denounced',0.66000000000000003108);
INSERT INTO events VALUES(35,2,29,14,20,'pledge','030',4.0,1,0,'intended',NULL,NULL,'pledged',0.72999999999999998223);
INSERT INTO events VALUES(36,2,29,14,22,'pledge','030',4.0,1,0,'intended',NULL,NULL,'pledged',0.72999999999999998223);
INSERT INTO events VALUES(37,2,29,20,22,'pledge','030',4.0,1,0,'intended',NULL,NULL,'pledged',0.72999999999999998223);
INSERT INTO events VALUES(38,2,30,13,22,'criticise','111',-2.0,3,0,'asserted','2024-10-22',NULL,'criticised',0.77000000000000001776);
INSERT INTO events VALUES(39,2,30,13,22,'warn','130',-4.4000000000000003552,3,0,'asserted','2024-10-22',NULL,'warned',0.35999999999999998667);
INSERT INTO events VALUES(40,2,31,21,18,'talk','040',1.0,1,0,'intended','2024-11-01',NULL,'hold talks',0.6500000000000000222);
INSERT INTO events VALUES(41,2,32,13,14,'visit','042',1.8999999999999999111,1,0,'asserted','2024-05-01','Seoul','visit',0.77000000000000001776);
INSERT INTO events VALUES(42,2,32,15,16,'trip','042',1.8999999999999999111,1,0,'asserted','2024-05-01','Beijing','trip',0.81000000000000005329);
INSERT INTO events VALUES(43,2,32,13,15,'agree','030',4.0,1,0,'intended',NULL,NULL,'agreed',0.64000000000000001332);
INSERT INTO events VALUES(44,3,33,23,24,'sanction','163',-8.0,4,0,'asserted','2025-01-27',NULL,'imposed sanctions',0.81000000000000005329);
INSERT INTO events VALUES(45,3,33,23,24,'accuse','112',-2.0,3,0,'asserted','2025-01-28',NULL,'accusing',0.77000000000000001776);
INSERT INTO events VALUES(46,3,34,25,26,'demand','100',-5.0,3,0,'requested',NULL,NULL,'demanded',0.72999999999999998223);
INSERT INTO events VALUES(47,3,37,27,23,'denounce','111',-2.0,3,0,'asserted','2025-01-28',NULL,'denounced',0.66000000000000003108);
INSERT INTO events VALUES(48,3,38,27,25,'deny','120',-4.0,3,0,'asserted','2025-01-28',NULL,'denied',0.41999999999999998445);
INSERT INTO events VALUES(49,3,39,28,23,'praise','051',3.3999999999999999111,1,0,'asserted','2025-01-28','Washington','praised',0.72999999999999998223);
INSERT INTO events VALUES(50,3,40,28,29,'talk','040',1.0,1,0,'asserted','2025-01-28',NULL,'held talks',0.71999999999999997335);
INSERT INTO events VALUES(51,3,40,30,31,'asylum','075',7.0,2,0,'asserted','2024-09-01',NULL,'granted asylum',0.66000000000000003108);
INSERT INTO events VALUES(52,3,42,32,30,'accuse','112',-2.0,3,0,'asserted','2025-01-28',NULL,'accused',0.9000000000000000222);
INSERT INTO events VALUES(53,3,42,32,30,'threaten','130',-4.4000000000000003552,3,0,'asserted','2025-01-28',NULL,'threatened',0.72999999999999998223);
INSERT INTO events VALUES(54,3,43,31,23,'thank','051',3.3999999999999999111,1,0,'asserted','2025-01-28',NULL,'thanked',0.81000000000000005329);
INSERT INTO events VALUES(55,3,44,33,34,'sign','057',8.0,1,0,'asserted','2025-01-28',NULL,'signed',0.84999999999999997779);
INSERT INTO events VALUES(56,3,45,35,23,'hail','051',3.3999999999999999111,1,0,'asserted','2025-01-28',NULL,'hailed',0.58999999999999996891);
CREATE INDEX ix_actors_canonical_name ON actors (canonical_name);
CREATE INDEX ix_actors_country ON actors (country);
CREATE INDEX ix_actor_aliases_alias ON actor_aliases (alias);
CREATE INDEX ix_events_article_id ON events (article_id);
CREATE INDEX ix_events_cameo_code ON events (cameo_code);
CREATE INDEX ix_events_event_date ON events (event_date);
CREATE INDEX ix_events_source_date ON events (source_actor_id, event_date);
CREATE INDEX ix_events_target_date ON events (target_actor_id, event_date);
COMMIT;
