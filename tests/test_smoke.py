def test_member_add_and_list_round_trip(circle, cli):
    added = cli("member", "add", "Zoë", "Ĳsbrand", "--offers", "vervoer,tuin", "--json")
    assert added.code == 0, added.err
    listed = cli("member", "list", "--json")
    assert [m["name"] for m in listed.json] == ["Zoë Ĳsbrand"]
    assert listed.json[0]["offers"] == ["transport", "garden"]
